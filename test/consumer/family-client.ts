/**
 * A bot developer's file against the clients generated from the `family` fixture, placed at the
 * output's root: NapCat's client has the NapCat-only response field and extension, Lagrange's and
 * the standard's do not, params are checked, events are typed by key. Every line marked
 * `@ts-expect-error` must fail to compile. Compiled by test/e2e/compile.test.ts.
 */
export const FAMILY_CLIENT_CONSUMER = `
import { NapCatClient, WebSocketTransport } from './napcat/client.js';
import { LagrangeClient } from './lagrange/client.js';
import { OneBot11Client } from './onebot11/client.js';

const napcat = new NapCatClient(new WebSocketTransport({ url: 'ws://127.0.0.1:3001' }));
declare const lagrange: LagrangeClient;
declare const standard: OneBot11Client;

export async function use(): Promise<void> {
  const thing = await napcat.getThing({ thing_id: 7 });
  const name: string = thing.name;
  const extra: number = thing.extra;
  const owner: string = thing.owner.nick;
  // @ts-expect-error Lagrange's response has no NapCat-only field
  (await lagrange.getThing({ thing_id: 7 })).extra;
  // @ts-expect-error a NapCat extension is not on the Lagrange client
  lagrange.sendThingMsg;
  // @ts-expect-error a go-cqhttp extension is not in the standard
  standard.listThings;
  // @ts-expect-error a param of the wrong type
  await napcat.getThing({ thing_id: 'seven' });
  // @ts-expect-error a required param is missing
  await napcat.getThing();
  await napcat.callAsync('get_thing', { thing_id: 1 }).then((nothing: void) => nothing);
  napcat.on('message.private', (e) => {
    const nick: string = e.sender.nickname;
    const sub: 'friend' | 'other' = e.sub_type;
    void nick, sub;
  });
  // @ts-expect-error not an event key of the docs
  napcat.on('message.nope', () => undefined);
  void name, extra, owner;
}
`;
