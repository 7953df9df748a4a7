import nock from 'nock';

// Each test file gets a fresh nock module, but its interceptor patches Node's shared http
// module: a file's interceptor must go when the file ends, or the next file in the same worker
// meets a torn-down nock ("Cannot destructure property 'interceptorsFor'").
if (!nock.isActive()) nock.activate();
afterAll(() => {
  nock.restore();
});

// Tests never reach the network: only loopback, where the sandbox listens, is allowed.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);

afterEach(() => {
  // A delayed reply the client gave up on (timeout, cancel) would keep its timer, and jest, alive.
  nock.abortPendingRequests();
  nock.cleanAll();
});
