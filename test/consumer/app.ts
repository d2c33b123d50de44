/**
 * A consumer of the committed output, written as a bot developer would: it names actions, builds
 * params and reads responses through the generated types. Compiled by test/generated.test.ts.
 */
import type { napcat, onebot11 } from '../../generated/index.js';

export function cookieHeader(response: napcat.ResponseOf<'get_cookies'>): string {
  return `${response.cookies}; bkn=${response.bkn}`;
}

export const recordParams: napcat.ParamsOf<'get_record'> = { file_id: '123', out_format: 'mp3' };

export function firstClient(response: onebot11.ResponseOf<'get_login_info'>): number {
  return response.user_id;
}

export const names: readonly onebot11.ActionName[] = ['get_login_info', 'get_cookies'];

export function rkeyTypes(response: napcat.ResponseOf<'get_rkey'>): Array<'private' | 'group'> {
  return response.rkeys.map((key) => key.type);
}
