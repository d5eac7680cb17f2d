export interface Customer {
  id: string;
  name: string;
  company: string;
  city: string;
  /** E.164, e.g. +8613800138000. */
  mobile: string;
  /** Office line, E.164; not every customer has one. */
  office?: string;
  tier: 'Gold' | 'Silver' | 'Bronze';
  email: string;
  /** Asked not to be called (a do-not-call list): the desk refuses to dial their numbers. */
  doNotCall?: true;
}
