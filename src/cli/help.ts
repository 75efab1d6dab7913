/** Help texts: short, with an example each. */
export const MAIN_HELP = `sam-auth — API Gateway authorization for AWS SAM templates, lowered to plain CloudFormation

Usage:
  sam-auth transform <file|-> [--format json|yaml] [-o FILE] [--region R] [--parameter-overrides K=V ...]
  sam-auth validate <file|-> [options]
  sam-auth --help | --version

Commands:
  transform   Lower the REST API Auth of a SAM template (what the SamAuth macro does at deploy time)
  validate    Check a template's Auth and report every problem

Run "sam-auth <command> --help" for a command's options.

Exit codes: 0 success, 1 the template has errors, 2 usage or I/O error.
`;

export const TRANSFORM_HELP = `Usage: sam-auth transform <file|-> [options]

Reads a SAM template (YAML or JSON; - reads standard input), lowers the Auth of its REST APIs as the
SamAuth macro would, drops SamAuth from the template's Transform and writes the result: it deploys with
plain SAM. Only the template goes to stdout; diagnostics go to stderr as file:line:col: error CODE message.

Options:
  -f, --format json|yaml            Output format (default json; yaml when -o ends in .yaml/.yml)
  -o, --output FILE                 Write the template to FILE instead of stdout
      --parameter-overrides K=V ... Template parameter values (also ParameterKey=K,ParameterValue=V)
      --region R                    The stack's Region (AWS::Region in Auth resolves as the macro resolves it)
  -h, --help                        Show this help

Examples:
  sam-auth transform template.yaml > packaged.json
  sam-auth transform template.yaml --format yaml -o out.yaml --parameter-overrides Stage=prod
  cat template.yaml | sam-auth transform -

Exit codes: 0 success, 1 the template has errors, 2 usage or I/O error.
`;
