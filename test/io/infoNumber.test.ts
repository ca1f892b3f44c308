import { infoNumber } from '../../src/io/infoNumber';

const mqOf = (info: string): number => {
  // Padded on both sides, so that a read past the INFO range would show.
  const buf = Buffer.from(`xx${info}MQ=1`);
  return infoNumber(buf, 2, 2 + info.length, 'MQ');
};

describe('infoNumber', () => {
  test.each([
    ['MQ=60', 60],
    ['DP=3;MQ=59.13;QD=10.09', 59.13],
    ['AC=1;AF=0.5;AN=2;DP=48;MQ=59.13', 59.13],
    ['MQ0=0;MQRankSum=-0.037;MQ=61.94', 61.94], // keys that start with MQ are other keys
    ['RAW_MQ=3600;MQ=60', 60],
    ['MQ=6e1', 60], // not a plain decimal: read by Number()
    ['MQ=60.', 60],
    ['DB;MQ=42;MQ=7', 42], // the first entry wins
  ])('%s gives %f', (info, expected) => {
    expect(mqOf(info)).toBe(expected);
  });

  test.each([['DP=3'], ['.'], [''], ['MQ'], ['MQ;DP=3'], ['MQ='], ['MQ=.'], ['MQ=abc'], ['MQ0=5'], ['RAW_MQ=5'], ['XMQ=5']])('%s has no MQ value (NaN)', (info) => {
    expect(mqOf(info)).toBeNaN();
  });
});
