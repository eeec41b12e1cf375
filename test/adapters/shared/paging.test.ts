import { expect } from '@open-wc/testing';
import {
  clampLimit,
  decodePageCursor,
  encodeBeforeCursor,
  encodeOffsetCursor,
  encodePageCursor,
  readBeforeCursor,
  readOffsetCursor,
  readPageCursor,
} from '../../../src/adapters/shared/paging.js';

describe('shared paging', () => {
  describe('page cursors', () => {
    it('round-trips page:N', () => {
      expect(encodePageCursor(3)).to.equal('page:3');
      expect(readPageCursor(encodePageCursor(12))).to.equal(12);
    });

    it('reads only page:N with N ≥ 1', () => {
      for (const bad of [undefined, '', 'page:0', 'page:-1', 'page:1.5', 'page:', 'offset:2', 'page:2 ', ' page:2']) {
        expect(readPageCursor(bad), String(bad)).to.equal(undefined);
      }
    });

    it('decodes a missing or unreadable cursor as page 1', () => {
      expect(decodePageCursor(undefined)).to.equal(1);
      expect(decodePageCursor('garbage')).to.equal(1);
      expect(decodePageCursor('page:0')).to.equal(1);
      expect(decodePageCursor('page:7')).to.equal(7);
    });
  });

  describe('offset cursors', () => {
    it('round-trips offset:N, including 0', () => {
      expect(encodeOffsetCursor(150)).to.equal('offset:150');
      expect(readOffsetCursor('offset:150')).to.equal(150);
      expect(readOffsetCursor('offset:0')).to.equal(0);
    });

    it('reads nothing else', () => {
      for (const bad of [undefined, '', 'offset:', 'offset:-5', 'page:2', 'offset:3x']) {
        expect(readOffsetCursor(bad), String(bad)).to.equal(undefined);
      }
    });
  });

  describe('before cursors', () => {
    it('round-trips before:<id> with any id text', () => {
      expect(encodeBeforeCursor('msg_1')).to.equal('before:msg_1');
      expect(readBeforeCursor(encodeBeforeCursor('a:b/c d'))).to.equal('a:b/c d');
    });

    it('reads nothing else', () => {
      for (const bad of [undefined, '', 'before:', 'after:msg_1', 'page:2']) {
        expect(readBeforeCursor(bad), String(bad)).to.equal(undefined);
      }
    });
  });

  describe('clampLimit', () => {
    it('uses the fallback when nothing is asked, rounds down, and keeps to 1…max', () => {
      expect(clampLimit(undefined, 20, 100)).to.equal(20);
      expect(clampLimit(37.9, 20, 100)).to.equal(37);
      expect(clampLimit(0, 20, 100)).to.equal(1);
      expect(clampLimit(-4, 20, 100)).to.equal(1);
      expect(clampLimit(500, 20, 100)).to.equal(100);
    });

    it('has no upper bound without a max', () => {
      expect(clampLimit(5000, 50)).to.equal(5000);
      expect(clampLimit(undefined, 50)).to.equal(50);
    });
  });
});
