/** The severities, as the code tables write them (one shared string each in the bundle). */
export const ERROR = 'error';
export const WARNING = 'warning';
export const INFO = 'info';
