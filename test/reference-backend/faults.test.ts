import { expect } from '@open-wc/testing';
import { FaultInjector } from '../../reference-backend/faults.js';

describe('FaultInjector', () => {
  it('matches on dialect, method and path substring', () => {
    const faults = new FaultInjector();
    faults.add({ dialect: 'qlara', method: 'post', path: '/reply', status: 400 });
    expect(faults.match('qlara', 'POST', '/conversations/reply')?.status).to.equal(400);
    expect(faults.match('QLARA', 'post', '/conversations/reply')?.status).to.equal(400);
    expect(faults.match('qlara', 'GET', '/conversations/reply')).to.equal(undefined);
    expect(faults.match('cloove', 'POST', '/conversations/reply')).to.equal(undefined);
    expect(faults.match('qlara', 'POST', '/conversations')).to.equal(undefined);
  });

  it('matches a regular expression path, global flag included', () => {
    const faults = new FaultInjector();
    faults.add({ path: /^\/conversations\/[^/]+\/messages$/g, status: 503 });
    expect(faults.match('vobiz', 'GET', '/conversations/abc/messages')?.status).to.equal(503);
    expect(faults.match('vobiz', 'GET', '/conversations/abc/messages')?.status).to.equal(503);
    expect(faults.match('vobiz', 'GET', '/conversations/abc')).to.equal(undefined);
  });

  it('consumes `times` and then forgets the rule', () => {
    const faults = new FaultInjector();
    faults.add({ status: 429, times: 2 });
    expect(faults.match('a', 'GET', '/')?.status).to.equal(429);
    expect(faults.list()[0].remaining).to.equal(1);
    expect(faults.match('a', 'GET', '/')?.status).to.equal(429);
    expect(faults.match('a', 'GET', '/')).to.equal(undefined);
    expect(faults.list()).to.deep.equal([]);
  });

  it('applies rules in the order they were added; remove and clear', () => {
    const faults = new FaultInjector();
    const first = faults.add({ path: '/x', status: 500 });
    faults.add({ status: 502 });
    expect(faults.match('a', 'GET', '/x')?.status).to.equal(500);
    expect(faults.match('a', 'GET', '/y')?.status).to.equal(502);
    faults.remove(first);
    expect(faults.match('a', 'GET', '/x')?.status).to.equal(502);
    faults.clear();
    expect(faults.match('a', 'GET', '/x')).to.equal(undefined);
  });

  it('ignores a rule with times 0', () => {
    const faults = new FaultInjector();
    faults.add({ status: 500, times: 0 });
    expect(faults.match('a', 'GET', '/')).to.equal(undefined);
  });
});
