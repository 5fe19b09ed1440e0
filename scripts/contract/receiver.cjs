// A webhook receiver as an integrator writes it, verifying every delivery with the npm package
// `standardwebhooks` (not Klarefi's own code). It speaks raw HTTP so that it can answer the way
// old servers do: paths under /http10/ get an HTTP/1.0 answer whose body ends when the connection
// closes (as Python's http.server answers); other paths get HTTP/1.1 204 with a length.
//
//   NODE_PATH=.tools/contract/node_modules node receiver.cjs   prints {"port": N} once listening on 127.0.0.1
//   POST /_secret/<path>           body: the endpoint's whsec_ secret for deliveries to /<path>
//   GET  /_report                  every delivery so far: path, verified, error, webhook_id, body
const net = require("node:net");
const { Webhook } = require("standardwebhooks");

const secrets = new Map();
const deliveries = [];

function parse(buffer) {
  const end = buffer.indexOf("\r\n\r\n");
  if (end < 0) return null;
  const lines = buffer.subarray(0, end).toString("latin1").split("\r\n");
  const [method, target] = lines[0].split(" ");
  const headers = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers["content-length"] || 0);
  if (buffer.length < end + 4 + length) return null;
  return { method, target, headers, body: buffer.subarray(end + 4, end + 4 + length).toString("utf8") };
}

function answer(socket, http10, status, body) {
  if (http10) {
    socket.end(`HTTP/1.0 ${status} OK\r\nContent-Type: text/plain\r\n\r\n${body}`);
  } else {
    const bytes = Buffer.from(body, "utf8");
    socket.end(`HTTP/1.1 ${status} OK\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length}\r\n`
      + `Connection: close\r\n\r\n${body}`);
  }
}

function handle(socket, request) {
  const path = request.target.split("?")[0];
  if (request.method === "POST" && path.startsWith("/_secret/")) {
    secrets.set(path.slice("/_secret".length), request.body.trim());
    return answer(socket, false, 200, "{}");
  }
  if (request.method === "GET" && path === "/_report") {
    return answer(socket, false, 200, JSON.stringify(deliveries));
  }
  const record = { path, webhook_id: request.headers["webhook-id"] || null, verified: false, error: null, body: request.body };
  try {
    const secret = secrets.get(path);
    if (!secret) throw new Error("no secret registered for " + path);
    new Webhook(secret).verify(request.body, request.headers);
    record.verified = true;
  } catch (e) {
    record.error = String(e && e.message ? e.message : e);
  }
  deliveries.push(record);
  if (path.startsWith("/http10/")) {
    return answer(socket, true, 200, "received, thanks\n");
  }
  answer(socket, false, record.verified ? 204 : 400, "");
}

const server = net.createServer((socket) => {
  let buffer = Buffer.alloc(0);
  socket.on("data", (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    const request = parse(buffer);
    if (request) handle(socket, request);
  });
  socket.on("error", () => {});
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + "\n");
});
