/**
 * Type-level facts about the committed output (compiled by real tsc in test/types.test.ts):
 * what each implementation's action map holds and how variants change the types.
 */
import { describe, expectTypeOf, test } from 'vitest';
import type * as lagrange from '../../generated/lagrange/types.js';
import type * as napcat from '../../generated/napcat/types.js';
import type * as onebot11 from '../../generated/onebot11/types.js';
import type * as gocq from '../../generated/gocq/types.js';

describe('variants', () => {
  test("NapCat's get_cookies response has bkn; the standard's does not", () => {
    expectTypeOf<napcat.ResponseOf<'get_cookies'>>().toHaveProperty('bkn').toEqualTypeOf<string>();
    expectTypeOf<onebot11.ResponseOf<'get_cookies'>>().not.toHaveProperty('bkn');
    expectTypeOf<onebot11.ResponseOf<'get_cookies'>>().toEqualTypeOf<{ cookies: string }>();
  });

  test("NapCat's get_record params accept file_id; the standard's do not", () => {
    expectTypeOf<napcat.ParamsOf<'get_record'>>().toHaveProperty('file_id');
    expectTypeOf<{ file_id: string; out_format: string }>().toMatchTypeOf<napcat.ParamsOf<'get_record'>>();
    expectTypeOf<onebot11.ParamsOf<'get_record'>>().not.toHaveProperty('file_id');
  });

  test("Lagrange's get_status has its own fields", () => {
    expectTypeOf<lagrange.ResponseOf<'get_status'>>().toHaveProperty('memory').toEqualTypeOf<number>();
    expectTypeOf<gocq.ResponseOf<'get_status'>>().not.toHaveProperty('memory');
  });
});

describe('availability', () => {
  test("Lagrange's map has no nc_get_rkey; NapCat's does", () => {
    expectTypeOf<'nc_get_rkey'>().not.toMatchTypeOf<lagrange.ActionName>();
    expectTypeOf<'nc_get_rkey'>().toMatchTypeOf<napcat.ActionName>();
  });

  test('extensions stay out of the standard map', () => {
    expectTypeOf<'get_online_clients'>().not.toMatchTypeOf<onebot11.ActionName>();
    expectTypeOf<'get_online_clients'>().toMatchTypeOf<gocq.ActionName>();
    expectTypeOf<'get_login_info'>().toMatchTypeOf<onebot11.ActionName>();
    expectTypeOf<'get_mface_key'>().toMatchTypeOf<lagrange.ActionName>();
    expectTypeOf<'get_mface_key'>().not.toMatchTypeOf<napcat.ActionName>();
  });
});

describe('shapes', () => {
  test('int64 fields are numbers; sub-types and arrays are typed', () => {
    expectTypeOf<onebot11.ResponseOf<'get_login_info'>['user_id']>().toEqualTypeOf<number>();
    expectTypeOf<gocq.ResponseOf<'get_online_clients'>['clients']>().toEqualTypeOf<gocq.Device[]>();
    // The table cell has no `[]`; the example's array decides (example-array).
    expectTypeOf<napcat.ResponseOf<'get_rkey'>['rkeys']>().toEqualTypeOf<napcat.Rkeys[]>();
    expectTypeOf<napcat.Rkeys['type']>().toEqualTypeOf<'private' | 'group'>();
  });

  test('types inferred from examples', () => {
    expectTypeOf<lagrange.ResponseOf<'get_mface_key'>>().toEqualTypeOf<string[]>();
    expectTypeOf<lagrange.ParamsOf<'get_mface_key'>['emoji_ids']>().toEqualTypeOf<string[]>();
    expectTypeOf<gocq.ResponseOf<'_get_model_show'>['variants']>().toEqualTypeOf<
      { model_show: string; need_pay: boolean }[]
    >();
    expectTypeOf<napcat.ResponseOf<'nc_get_rkey'>>().toBeArray();
  });

  test('an array of two documented shapes names each shape', () => {
    expectTypeOf<napcat.ResponseOf<'get_recent_contact'>[number]>().toEqualTypeOf<
      napcat.GetRecentContactResponseItem1 | napcat.GetRecentContactResponseItem2
    >();
    expectTypeOf<napcat.GetRecentContactResponseItem2>().toHaveProperty('lastestMsg');
    expectTypeOf<napcat.GetRecentContactResponseItem1>().not.toHaveProperty('lastestMsg');
  });

  test('the table wins over a disagreeing example', () => {
    expectTypeOf<napcat.ResponseOf<'get_robot_uin_range'>[number]['minUin']>().toEqualTypeOf<number>();
  });

  test('no-response actions return null; no-param actions take an empty object', () => {
    expectTypeOf<napcat.ResponseOf<'set_qq_avatar'>>().toEqualTypeOf<null>();
    expectTypeOf<{}>().toMatchTypeOf<onebot11.ParamsOf<'get_login_info'>>();
  });
});
