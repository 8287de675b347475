// Starts Learning Locker's statement service (xapi-statements) for the LMS e2e test,
// bound to 127.0.0.1 on a port the OS picks (the service itself listens on every
// interface on EXPRESS_PORT), and tells the parent process that port.
const http = require('node:http');

const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function listenOnLoopback(...args) {
  const done = args.find((arg) => typeof arg === 'function');
  return listen.call(this, 0, '127.0.0.1', () => {
    process.send?.({ port: this.address().port });
    done?.();
  });
};
require('xapi-statements/dist/server');
