"""A scripted stand-in for an LRS (tests/xapi/push_test.py): stores statements like a real one
(an identical statement sent again is accepted, a different one under a known id is a 409) and
answers 400, 401, 409, 500 or nothing at all when a test asks it to."""
import base64
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


class FakeLrs:
    def __init__(self, key="key", secret="secret"):
        self.expected_auth = "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()
        self.stored = {}           # id -> statement, in the order stored
        self.requests = []         # (time, method, path, headers, body)
        self.post_plan = []        # answers for the next POSTs: "500", "401", "timeout", "store-then-timeout"
        self.invalid_ids = set()   # a batch holding one of these is refused with 400
        self.conflict_on_existing = False  # 409 for any known id, even the same statement (ADL-style)
        self.get_missing = False   # GET by id answers 404 even when stored
        self.timeout_s = 3.0
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def answer(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                fake.record(self, b"")
                q = parse_qs(urlparse(self.path).query)
                if self.headers.get("Authorization") != fake.expected_auth:
                    return self.answer(401, {"message": "Unauthorised"})
                sid = q.get("statementId", [""])[0]
                with fake.lock:
                    st = None if fake.get_missing else fake.stored.get(sid)
                if st is None:
                    return self.answer(404, {"message": "No Statement found"})
                self.answer(200, st)

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                fake.record(self, body)
                with fake.lock:
                    plan = fake.post_plan.pop(0) if fake.post_plan else "ok"
                if plan == "timeout":
                    time.sleep(fake.timeout_s)
                    return
                if plan in ("500", "401", "503"):
                    return self.answer(int(plan), {"message": "scripted " + plan})
                if self.headers.get("Authorization") != fake.expected_auth:
                    return self.answer(401, {"message": "Unauthorised"})
                if self.headers.get("X-Experience-API-Version") != "1.0.3":
                    return self.answer(400, {"message": "X-Experience-API-Version header missing"})
                batch = json.loads(body)
                with fake.lock:
                    for st in batch:
                        if st["id"] in fake.invalid_ids:
                            return self.answer(400, {"warnings": [f"Problem in statement {st['id']}: scripted"]})
                    for st in batch:
                        old = fake.stored.get(st["id"])
                        if old is not None and (fake.conflict_on_existing or old != st):
                            return self.answer(409, {"message": f"{st['id']} is conflicting"})
                    for st in batch:  # all or nothing, like a real LRS
                        fake.stored.setdefault(st["id"], st)
                if plan == "store-then-timeout":
                    time.sleep(fake.timeout_s)
                    return
                self.answer(200, [st["id"] for st in batch])

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/xAPI"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def record(self, handler, body):
        with self.lock:
            self.requests.append((time.monotonic(), handler.command, handler.path, dict(handler.headers), body))

    def posts(self):
        with self.lock:
            return [r for r in self.requests if r[1] == "POST"]

    def close(self):
        self.server.shutdown()
        self.server.server_close()
