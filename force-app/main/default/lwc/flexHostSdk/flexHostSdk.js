// Generated from packages/flex-host-sdk/src by `npm run lwc:sdk`: do not edit here.
// The Flex host SDK (protocol 'flex-host-bridge'), as an LWC module for the softphone component.
// packages/flex-host-sdk/src/protocol.ts
var PROTOCOL = "flex-host-bridge";
var PROTOCOL_VERSION = 1;
var MAX_MESSAGE_CHARS = 64 * 1024;
var MAX_ID = 64;
var MAX_TEXT = 255;
var MAX_LONG_TEXT = 32 * 1024;
var MAX_RECORDS = 50;
var MAX_ATTRIBUTES = 20;
var HOST_METHODS = [
  "search",
  "saveActivity",
  "updateActivity",
  "openRecord",
  "showFlex",
  "isFlexVisible",
  "chooser"
];
var HOST_EVENTS = [
  "interaction",
  "availability",
  "presence",
  "flexEvent"
];
var ERROR_CODES = [
  "INVALID_MESSAGE",
  "UNKNOWN_METHOD",
  "NOT_ALLOWED",
  "NOT_SUPPORTED",
  "REFUSED",
  "FAILED",
  "TIMEOUT",
  "DISCONNECTED"
];
var CLOSING_EVENT = "closing";
var ok = (value) => ({ ok: true, value });
var bad = (problem) => ({ ok: false, problem });
function isPlainObject(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}
var FORBIDDEN_KEYS = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
function sizeOf(data) {
  let forbidden = null;
  let json;
  try {
    json = JSON.stringify(data, function(key, value) {
      if (forbidden === null && FORBIDDEN_KEYS.has(key)) forbidden = key;
      return value;
    });
  } catch {
    return { problem: "a message must be plain data" };
  }
  if (forbidden !== null) return { problem: `a message may not have a field named ${forbidden}` };
  return { size: json === void 0 ? 0 : json.length };
}
function onlyKeys(value, allowed, where) {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) return `${where} has an unknown field "${key.slice(0, 40)}"`;
  }
  return null;
}
function text(value, where, max = MAX_TEXT, min = 1) {
  if (typeof value !== "string") return `${where} must be a string`;
  if (value.length < min || value.length > max)
    return `${where} must be ${min} to ${max} characters`;
  return null;
}
var ACTIVITY_NAME = /^[^\u0000-\u001f\u007f]{1,64}$/u;
function nullableText(value, where, max = MAX_TEXT) {
  return value === null ? null : text(value, where, max, 0);
}
var ID = /^[A-Za-z0-9_.:-]{1,64}$/;
var TASK_SID = /^WT[0-9a-f]{32}$/;
var ATTRIBUTE_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
var ATTEMPT = /^[A-Za-z0-9]{8,64}$/;
var NAME = /^[A-Za-z][A-Za-z0-9]{1,63}$/;
function checkRecord(value, where = "record") {
  if (!isPlainObject(value)) return bad(`${where} must be an object`);
  const problem = onlyKeys(value, ["recordId", "objectApiName", "name"], where) ?? (typeof value.recordId === "string" && ID.test(value.recordId) ? null : `${where}.recordId must be 1 to ${MAX_ID} letters, digits or _ . : -`) ?? (typeof value.objectApiName === "string" && ID.test(value.objectApiName) ? null : `${where}.objectApiName must be 1 to ${MAX_ID} letters, digits or _ . : -`) ?? (value.name === void 0 ? null : nullableText(value.name, `${where}.name`));
  if (problem) return bad(problem);
  return ok({
    recordId: value.recordId,
    objectApiName: value.objectApiName,
    name: value.name ?? null
  });
}
function checkAttributes(value, where = "attributes") {
  if (!isPlainObject(value)) return bad(`${where} must be an object`);
  const entries = Object.entries(value);
  if (entries.length > MAX_ATTRIBUTES)
    return bad(`${where} may have at most ${MAX_ATTRIBUTES} fields`);
  for (const [key, item] of entries) {
    if (!ATTRIBUTE_KEY.test(key)) return bad(`${where} has a field name that is not allowed`);
    const type = typeof item;
    if (!(item === null || type === "boolean" || type === "number" && Number.isFinite(item))) {
      const problem = text(item, `${where}.${key}`, MAX_TEXT, 0);
      if (problem) return bad(problem);
    }
  }
  return ok(value);
}
var optional = (spec) => (value, where) => value === void 0 ? null : spec(value, where);
var orNull = (spec) => (value, where) => value === null ? null : spec(value, where);
var str = (max, min = 0) => (value, where) => text(value, where, max, min);
var pattern = (re, what) => (value, where) => typeof value === "string" && re.test(value) ? null : `${where} must be ${what}`;
var oneOf = (...values) => (value, where) => values.includes(value) ? null : `${where} must be one of ${values.join(", ")}`;
var count = (value, where) => typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 1e7 ? null : `${where} must be a whole number`;
var bool = (value, where) => typeof value === "boolean" ? null : `${where} must be true or false`;
var recordSpec = (value, where) => {
  const checked = checkRecord(value, where);
  return checked.ok ? null : checked.problem;
};
var attributesSpec = (value, where) => {
  const checked = checkAttributes(value, where);
  return checked.ok ? null : checked.problem;
};
var listOf = (spec, max) => (value, where) => {
  if (!Array.isArray(value) || value.length > max)
    return `${where} must be a list of at most ${max}`;
  for (const [index, item] of value.entries()) {
    const problem = spec(item, `${where}[${index}]`);
    if (problem) return problem;
  }
  return null;
};
var shape = (fields) => (value, where) => {
  if (!isPlainObject(value)) return `${where} must be an object`;
  const unknown = onlyKeys(value, Object.keys(fields), where);
  if (unknown) return unknown;
  for (const [name, spec] of Object.entries(fields)) {
    const problem = spec(value[name], `${where}.${name}`);
    if (problem) return problem;
  }
  return null;
};
var taskSidSpec = pattern(TASK_SID, "a task SID");
var idSpec = pattern(ID, `1 to ${MAX_ID} letters, digits or _ . : -`);
var statusSpec = oneOf("pending", "accepted", "wrapping", "completed", "canceled");
var directionSpec = orNull(oneOf("inbound", "outbound"));
var isoTime = pattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/, "an ISO 8601 UTC time");
var INTERACTION = shape({
  taskSid: taskSidSpec,
  channel: str(80, 1),
  direction: directionSpec,
  status: statusSpec,
  customer: shape({
    number: orNull(str(MAX_TEXT)),
    name: orNull(str(MAX_TEXT)),
    address: orNull(str(MAX_TEXT))
  }),
  attributes: attributesSpec,
  record: orNull(recordSpec)
});
var NOTE_FIELDS = {
  disposition: orNull(str(MAX_TEXT)),
  summary: orNull(str(MAX_LONG_TEXT)),
  sentiment: orNull(str(MAX_TEXT)),
  topics: orNull(str(1e3))
};
var ACTIVITY = shape({
  activityKey: idSpec,
  taskSid: taskSidSpec,
  subject: str(MAX_TEXT, 1),
  channel: str(80, 1),
  direction: directionSpec,
  startedAt: orNull(isoTime),
  endedAt: isoTime,
  durationSeconds: orNull(count),
  activityDate: pattern(/^\d{4}-\d{2}-\d{2}$/, "a day such as 2026-12-04"),
  customerNumber: orNull(str(MAX_TEXT)),
  recordId: orNull(idSpec),
  recordType: orNull(idSpec),
  ...NOTE_FIELDS
});
var CHOOSER = shape({
  taskSid: orNull(taskSidSpec),
  status: orNull(statusSpec),
  direction: directionSpec,
  channel: orNull(str(80)),
  customer: orNull(str(MAX_TEXT)),
  candidates: listOf(recordSpec, MAX_RECORDS),
  selected: orNull(recordSpec),
  error: orNull(shape({ code: str(64, 1), message: str(1e3) }))
});
var EMPTY = shape({});
var HOST_REQUEST_PARAMS = {
  search: shape({ query: str(MAX_LONG_TEXT, 1), interaction: orNull(INTERACTION) }),
  saveActivity: shape({ activity: ACTIVITY }),
  updateActivity: shape({
    activityId: idSpec,
    taskSid: optional(taskSidSpec),
    changes: shape(
      Object.fromEntries(
        Object.entries(NOTE_FIELDS).map(([name, spec]) => [name, optional(spec)])
      )
    )
  }),
  openRecord: shape({ record: shape({ recordId: idSpec, objectApiName: orNull(idSpec) }) }),
  showFlex: EMPTY,
  isFlexVisible: EMPTY,
  chooser: CHOOSER
};
var HOST_EVENT_DATA = {
  interaction: shape({
    event: oneOf("offered", "accepted", "wrapping", "completed", "canceled"),
    interaction: INTERACTION
  }),
  availability: shape({ activity: str(64, 1), available: bool }),
  presence: shape({
    activity: pattern(ACTIVITY_NAME, "a Flex activity name"),
    cause: oneOf("agent", "sync", "current")
  }),
  flexEvent: shape({ name: pattern(NAME, "a Flex event name"), data: attributesSpec })
};
function checkHostEvent(name, data) {
  if (!HOST_EVENTS.includes(name))
    return bad(`unknown event "${name.slice(0, 40)}"`);
  const problem = HOST_EVENT_DATA[name](data, name);
  return problem ? bad(problem) : ok({ name, data });
}
function checkHostRequest(method, params) {
  if (!HOST_METHODS.includes(method))
    return bad(`unknown method "${method.slice(0, 40)}"`);
  const problem = HOST_REQUEST_PARAMS[method](params, method);
  return problem ? bad(problem) : ok({ method, params });
}
var MAX_INTERACTIONS = 50;
var ACCEPTED = shape({ accepted: oneOf(true) });
var DONE = shape({ done: oneOf(true) });
var FLEX_RESULTS = {
  dial: ACCEPTED,
  linkRecord: ACCEPTED,
  invokeAction: DONE,
  setActivity: ACCEPTED,
  getState: shape({
    interactions: listOf(INTERACTION, MAX_INTERACTIONS),
    availability: orNull(HOST_EVENT_DATA.availability)
  })
};
function checkFlexResult(method, result) {
  const measured = sizeOf(result);
  if ("problem" in measured) return bad(`${method}: ${measured.problem}`);
  const problem = FLEX_RESULTS[method](result, method);
  return problem ? bad(problem) : ok(result);
}
var MAX_HANDSHAKE_CHARS = 8 * 1024;
var HANDSHAKE_FIELDS = {
  hello: ["protocol", "type", "version", "handles", "attempt"],
  ready: ["protocol", "type", "version"],
  welcome: ["protocol", "type", "version", "attempt", "allowedActions", "forwardedEvents"],
  refuse: ["protocol", "type", "attempt", "code", "message", "versions"]
};
function checkHandshake(data) {
  if (!isPlainObject(data) || data.protocol !== PROTOCOL)
    return bad("not a Flex host bridge message");
  const type = typeof data.type === "string" ? data.type : "";
  const fields = Object.prototype.hasOwnProperty.call(HANDSHAKE_FIELDS, type) ? HANDSHAKE_FIELDS[type] : void 0;
  if (!fields) return bad("unknown handshake type");
  const measured = sizeOf(data);
  if ("problem" in measured) return bad(measured.problem);
  if (measured.size > MAX_HANDSHAKE_CHARS)
    return bad(`a handshake message may be at most ${MAX_HANDSHAKE_CHARS} characters`);
  const unknown = onlyKeys(data, fields, type);
  if (unknown) return bad(unknown);
  if (type !== "refuse" && !Number.isInteger(data.version))
    return bad("version must be a whole number");
  const attemptOk = typeof data.attempt === "string" && ATTEMPT.test(data.attempt);
  switch (type) {
    case "hello": {
      const handles = data.handles;
      if (!Array.isArray(handles) || handles.length > HOST_METHODS.length || !handles.every((name) => HOST_METHODS.includes(name))) {
        return bad("hello.handles must list host methods");
      }
      if (!attemptOk) return bad("hello.attempt must be 8 to 64 letters or digits");
      return ok(data);
    }
    case "ready":
      return ok(data);
    case "welcome": {
      const lists = [data.allowedActions, data.forwardedEvents];
      const names = (list) => Array.isArray(list) && list.length <= 50 && list.every((item) => typeof item === "string" && NAME.test(item));
      return lists.every(names) && attemptOk ? ok(data) : bad("welcome: allowedActions and forwardedEvents must be lists of names");
    }
    default: {
      const problem = text(data.message, "refuse.message", 500) ?? (attemptOk ? null : "refuse.attempt must name the hello it answers") ?? (data.code === "VERSION_MISMATCH" || data.code === "INVALID_MESSAGE" ? null : "refuse.code must be VERSION_MISMATCH or INVALID_MESSAGE") ?? (Array.isArray(data.versions) && data.versions.length <= 10 && data.versions.every((version) => Number.isInteger(version)) ? null : "refuse.versions must list whole numbers");
      return problem ? bad(problem) : ok(data);
    }
  }
}
function checkClosing(data) {
  if (!isPlainObject(data)) return bad("closing: data must be an object");
  const problem = onlyKeys(data, ["reason"], CLOSING_EVENT);
  if (problem) return bad(problem);
  return data.reason === "replaced" ? ok({ reason: "replaced" }) : bad("closing.reason must be replaced");
}
function checkPortMessage(data) {
  if (!isPlainObject(data)) return bad("a message must be an object");
  const measured = sizeOf(data);
  if ("problem" in measured) return bad(measured.problem);
  if (measured.size > MAX_MESSAGE_CHARS)
    return bad(`a message may be at most ${MAX_MESSAGE_CHARS} characters`);
  switch (data.kind) {
    case "request":
      return typeof data.id === "string" && ID.test(data.id) && typeof data.method === "string" && data.method.length <= 64 ? ok({ kind: "request", id: data.id, method: data.method, params: data.params }) : bad("a request needs an id and a method");
    case "response": {
      if (!(typeof data.id === "string" && ID.test(data.id)))
        return bad("a response needs the id of its request");
      if (data.ok === true)
        return ok({ kind: "response", id: data.id, ok: true, result: data.result });
      const error = data.error;
      if (data.ok === false && isPlainObject(error) && ERROR_CODES.includes(error.code) && !text(error.message, "error.message", 1e3)) {
        const fields = Array.isArray(error.fields) && error.fields.length <= MAX_ATTRIBUTES && error.fields.every(
          (field) => typeof field === "string" && ATTRIBUTE_KEY.test(field)
        ) ? { fields: error.fields } : {};
        return ok({
          kind: "response",
          id: data.id,
          ok: false,
          error: {
            code: error.code,
            message: error.message,
            ...fields
          }
        });
      }
      return bad("a failed response needs an error code and message");
    }
    case "event":
      return typeof data.name === "string" && data.name.length <= 64 ? ok({ kind: "event", name: data.name, data: data.data }) : bad("an event needs a name");
    default:
      return bad("kind must be request, response or event");
  }
}

// packages/flex-host-sdk/src/portEndpoint.ts
var FlexBridgeError = class extends Error {
  constructor(code, message, fields = []) {
    super(message);
    this.name = "FlexBridgeError";
    this.code = code;
    this.fields = fields;
  }
};
var counter = 0;
var PortEndpoint = class {
  constructor(port, options) {
    this.pending = /* @__PURE__ */ new Map();
    this.prefix = Math.random().toString(36).slice(2, 10);
    this.closed = false;
    this.listener = (event) => this.receive(event.data);
    this.port = port;
    this.options = options;
    port.addEventListener("message", this.listener);
    port.start();
  }
  get isOpen() {
    return !this.closed;
  }
  request(method, params, timeoutMs = this.options.timeoutMs) {
    if (this.closed) {
      return Promise.reject(new FlexBridgeError("DISCONNECTED", "the bridge is closed"));
    }
    counter += 1;
    const id = `${this.prefix}-${counter}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new FlexBridgeError("TIMEOUT", `${method} had no answer within ${timeoutMs} ms`)
        );
      }, timeoutMs);
      this.pending.set(id, { method, resolve, reject, timer });
      this.send({ kind: "request", id, method, params }, () => {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(
          new FlexBridgeError(
            "INVALID_MESSAGE",
            `${method}: its parameters cannot be sent (not plain data)`
          )
        );
      });
    });
  }
  emit(name, data) {
    if (!this.closed)
      this.send(
        { kind: "event", name, data },
        () => this.options.onInvalid(`event ${name} is not plain data`)
      );
  }
  /** Closes the port; every request still waiting fails with DISCONNECTED. */
  close() {
    if (this.closed) return;
    this.closed = true;
    this.port.removeEventListener("message", this.listener);
    this.port.close();
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(
        new FlexBridgeError("DISCONNECTED", "the bridge closed before the answer came")
      );
      this.pending.delete(id);
    }
  }
  send(message, failed) {
    try {
      this.port.postMessage(message);
    } catch {
      failed();
    }
  }
  receive(data) {
    if (this.closed) return;
    const checked = checkPortMessage(data);
    if (!checked.ok) {
      const id = idOf(data);
      const kind = data.kind;
      if (id !== null && kind === "request") {
        this.reply(id, { code: "INVALID_MESSAGE", message: checked.problem });
      }
      const pending = id !== null && kind === "response" ? this.pending.get(id) : void 0;
      if (pending && id !== null) {
        this.pending.delete(id);
        clearTimeout(pending.timer);
        pending.reject(
          new FlexBridgeError(
            "INVALID_MESSAGE",
            `the answer to ${pending.method} was refused: ${checked.problem}`
          )
        );
      }
      this.options.onInvalid(checked.problem);
      return;
    }
    const message = checked.value;
    if (message.kind === "response") {
      const pending = this.pending.get(message.id);
      if (!pending) {
        this.options.onInvalid(`a response to no request (${message.id})`);
        return;
      }
      this.pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.ok) pending.resolve(message.result);
      else
        pending.reject(
          new FlexBridgeError(
            message.error.code,
            message.error.message,
            message.error.fields
          )
        );
      return;
    }
    if (message.kind === "event") {
      this.options.onEvent(message.name, message.data);
      return;
    }
    this.answer(message.id, message.method, message.params);
  }
  answer(id, method, params) {
    let outcome;
    try {
      outcome = this.options.handle(method, params);
    } catch (error) {
      this.reply(id, wireError(error));
      return;
    }
    Promise.resolve(outcome).then(
      (result) => this.reply(id, null, result ?? {}),
      (error) => this.reply(id, wireError(error))
    );
  }
  reply(id, error, result) {
    if (this.closed) return;
    const message = error ? { kind: "response", id, ok: false, error } : { kind: "response", id, ok: true, result };
    this.send(
      message,
      () => this.send(
        {
          kind: "response",
          id,
          ok: false,
          error: { code: "FAILED", message: "the answer is not plain data" }
        },
        () => void 0
      )
    );
  }
};
function idOf(data) {
  const id = typeof data === "object" && data !== null ? data.id : void 0;
  return typeof id === "string" && /^[A-Za-z0-9_.:-]{1,64}$/.test(id) ? id : null;
}
function wireError(error) {
  if (error instanceof FlexBridgeError && error.code !== "ORIGIN_MISMATCH" && error.code !== "VERSION_MISMATCH" && error.code !== "DESTROYED") {
    return {
      code: error.code,
      message: error.message.slice(0, 1e3),
      ...error.fields.length ? { fields: error.fields.slice(0, 20) } : {}
    };
  }
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "the request failed";
  return { code: "FAILED", message: (message || "the request failed").slice(0, 1e3) };
}

// packages/flex-host-sdk/src/hostConnection.ts
var HELLO_EVERY_MS = 250;
var HELLO_AT_MOST_EVERY_MS = 2e3;
var REPLACED_REASON = "another connection to this Flex frame took over (connectFlex was called again for it)";
var LIVENESS_MS = 2e3;
var DEFAULT_WAITING_AFTER_MS = 1e4;
var FRAME_REMOVED_REASON = "the Flex iframe was removed from the page";
var DEFAULT_REQUEST_MS = 1e4;
function exactOrigin(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new FlexBridgeError(
      "ORIGIN_MISMATCH",
      `"${value}" is not an origin such as https://flex.twilio.com`
    );
  }
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.origin !== value || !(url.protocol === "https:" || loopback && url.protocol === "http:")) {
    throw new FlexBridgeError(
      "ORIGIN_MISMATCH",
      `"${value}" must be an exact https origin such as https://flex.twilio.com (no path, no trailing slash)`
    );
  }
  return value;
}
function connectFlex(options) {
  const flexOrigin = exactOrigin(options.flexOrigin);
  const host = options.window ?? window;
  const { iframe, signal } = options;
  const handlers = options.handlers ?? {};
  const waitingAfterMs = options.waitingAfterMs ?? DEFAULT_WAITING_AFTER_MS;
  const requestMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_MS;
  const listeners = /* @__PURE__ */ new Map();
  const handles = Object.keys(handlers).filter(
    (name) => typeof handlers[name] === "function"
  );
  let endpoint = null;
  let status = "connecting";
  let allowedActions = [];
  let forwardedEvents = [];
  let helloTimer = null;
  let settleFirst = null;
  let replaced = false;
  let framePlaced = false;
  const fire = (event, data) => {
    for (const listener of [...listeners.get(event) ?? []]) {
      try {
        listener(data);
      } catch (error) {
        console.error(`[flex-host-sdk] a listener of "${event}" threw`, error);
      }
    }
  };
  const report = (change) => {
    try {
      options.onStatus?.(change);
    } catch (error) {
      console.error("[flex-host-sdk] onStatus threw", error);
    }
    fire("status", change);
  };
  const setStatus = (next, reason) => {
    if (status === next) return;
    status = next;
    report(reason ? { status: next, reason } : { status: next });
  };
  let hello = {
    protocol: PROTOCOL,
    type: "hello",
    version: PROTOCOL_VERSION,
    handles,
    attempt: newAttempt()
  };
  const sayHello = () => {
    try {
      iframe.contentWindow?.postMessage(hello, flexOrigin);
    } catch {
    }
  };
  const stopHandshake = () => {
    if (helloTimer) clearTimeout(helloTimer);
    helloTimer = null;
  };
  const startHandshake = () => {
    stopHandshake();
    hello = { ...hello, attempt: newAttempt() };
    setStatus("connecting");
    const startedAt = Date.now();
    let every = HELLO_EVERY_MS;
    const tick = () => {
      helloTimer = null;
      if (iframe.isConnected) framePlaced = true;
      else if (framePlaced) {
        end(new FlexBridgeError("DESTROYED", FRAME_REMOVED_REASON));
        return;
      }
      sayHello();
      if (Date.now() - startedAt >= waitingAfterMs) {
        setStatus(
          "waiting",
          `Flex has not answered for ${Math.round(waitingAfterMs / 1e3)} s: the agent may still be logging in to Flex. If Flex shows its agent desktop and this stays, check that this page's origin is in Flex's Allowed URLs and in the plugin's allowed_host_origins, that the plugin is released, and that ${flexOrigin} is Flex's origin.`
        );
        every = Math.min(every * 2, HELLO_AT_MOST_EVERY_MS);
      }
      helloTimer = setTimeout(tick, every);
    };
    tick();
  };
  const end = (error) => {
    if (settleFirst) settleFirst(error);
    else shutDown(error.message);
  };
  const answer = async (method, params) => {
    const checked = checkHostRequest(method, params);
    if (!checked.ok) throw new FlexBridgeError("INVALID_MESSAGE", checked.problem);
    const p = checked.value.params;
    switch (checked.value.method) {
      case "search":
        return {
          records: await need(handlers.search, "search")(
            p.query,
            p.interaction
          )
        };
      case "chooser":
        fire("chooser", p);
        return { done: true };
      case "saveActivity":
        return {
          activityId: await need(
            handlers.saveActivity,
            "saveActivity"
          )(p.activity)
        };
      case "updateActivity":
        await need(handlers.updateActivity, "updateActivity")(
          p.activityId,
          p.changes,
          p.taskSid ?? null
        );
        return { done: true };
      case "isFlexVisible":
        return {
          visible: iframe.isConnected && iframe.offsetWidth > 0 && iframe.offsetHeight > 0
        };
      case "openRecord":
        await need(
          handlers.openRecord,
          "openRecord"
        )(p.record);
        return { done: true };
      default:
        await need(handlers.showFlex, "showFlex")();
        return { done: true };
    }
  };
  const onWindowMessage = (event) => {
    if (event.source === null || event.source !== iframe.contentWindow) return;
    const checked = checkHandshake(event.data);
    if (!checked.ok) return;
    const message = checked.value;
    if (event.origin !== flexOrigin) {
      const error = new FlexBridgeError(
        "ORIGIN_MISMATCH",
        `the Flex frame answered from ${event.origin}, not ${flexOrigin}: nothing was sent to it`
      );
      stopHandshake();
      if (settleFirst) settleFirst(error);
      else setStatus("disconnected", error.message);
      return;
    }
    if (message.type === "hello" || replaced) return;
    if (message.type === "ready") {
      if (status === "connecting" || status === "waiting") sayHello();
      else if (status === "connected") reconnect("Flex reloaded");
      return;
    }
    if (status !== "connecting" && status !== "waiting" || message.attempt !== hello.attempt)
      return;
    if (message.type === "refuse" || message.version !== PROTOCOL_VERSION) {
      stopHandshake();
      const error = new FlexBridgeError(
        "VERSION_MISMATCH",
        message.type === "refuse" ? `Flex refused the connection: ${message.message}` : `Flex speaks bridge protocol version ${message.version}; this SDK speaks ${PROTOCOL_VERSION}. Update the SDK or the plugin.`
      );
      if (settleFirst) settleFirst(error);
      else setStatus("disconnected", error.message);
      return;
    }
    const port = event.ports[0];
    if (!port) return;
    stopHandshake();
    endpoint?.close();
    allowedActions = [...message.allowedActions];
    forwardedEvents = [...message.forwardedEvents];
    endpoint = new PortEndpoint(port, {
      timeoutMs: requestMs,
      handle: answer,
      onEvent: (name, data) => {
        if (name === CLOSING_EVENT) {
          const closing = checkClosing(data);
          if (closing.ok) onReplaced();
          else fire("problem", { problem: closing.problem });
          return;
        }
        const event2 = checkHostEvent(name, data);
        if (event2.ok) fire(event2.value.name, event2.value.data);
        else fire("problem", { problem: event2.problem });
      },
      onInvalid: (problem) => fire("problem", { problem })
    });
    setStatus("connected");
    settleFirst?.(null);
  };
  const onReplaced = () => {
    replaced = true;
    stopHandshake();
    endpoint?.close();
    endpoint = null;
    setStatus("disconnected", REPLACED_REASON);
  };
  const reconnect = (reason) => {
    endpoint?.close();
    endpoint = null;
    setStatus("disconnected", reason);
    startHandshake();
  };
  const onFrameLoad = () => {
    if (status === "destroyed" || settleFirst || replaced) return;
    const current = endpoint;
    if (status !== "connected" || !current) {
      reconnect("Flex reloaded");
      return;
    }
    current.request("getState", {}, Math.min(requestMs, LIVENESS_MS)).then(
      () => void 0,
      () => {
        if (endpoint === current) reconnect("Flex reloaded");
      }
    );
  };
  const call = async (method, params) => {
    if (!endpoint || status !== "connected") {
      throw new FlexBridgeError(
        "DISCONNECTED",
        replaced ? REPLACED_REASON : `Flex is not connected (${status})`
      );
    }
    const checked = checkFlexResult(method, await endpoint.request(method, params));
    if (!checked.ok) {
      const problem = `Flex answered ${method} with something this SDK cannot use: ${checked.problem}`;
      fire("problem", { problem });
      throw new FlexBridgeError("INVALID_MESSAGE", problem);
    }
    return checked.value;
  };
  const connection = {
    iframe,
    get status() {
      return status;
    },
    get allowedActions() {
      return allowedActions;
    },
    get forwardedEvents() {
      return forwardedEvents;
    },
    async dial(number, dialOptions = {}) {
      await call("dial", { number, ...dialOptions });
    },
    async linkRecord(record, taskSid = null) {
      await call("linkRecord", { record, taskSid });
    },
    async invokeAction(name, payload) {
      await call("invokeAction", payload === void 0 ? { name } : { name, payload });
    },
    async getState() {
      return call("getState", {});
    },
    async setActivity(activity, basedOn = null) {
      await call("setActivity", { activity, basedOn });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? /* @__PURE__ */ new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    destroy() {
      shutDown("destroy() was called");
    }
  };
  function shutDown(reason) {
    if (status === "destroyed") return;
    stopHandshake();
    host.removeEventListener("message", onWindowMessage);
    iframe.removeEventListener("load", onFrameLoad);
    signal?.removeEventListener("abort", onAbort);
    endpoint?.close();
    endpoint = null;
    setStatus("destroyed", reason);
    listeners.clear();
    settleFirst?.(new FlexBridgeError("DESTROYED", `${reason} before Flex answered`));
  }
  function onAbort() {
    shutDown("the signal aborted");
  }
  return new Promise((resolve, reject) => {
    settleFirst = (error) => {
      settleFirst = null;
      if (error) {
        shutDown(error.message);
        reject(error);
      } else {
        resolve(connection);
      }
    };
    if (signal?.aborted) {
      settleFirst(
        new FlexBridgeError("DESTROYED", "the signal aborted before Flex answered")
      );
      return;
    }
    host.addEventListener("message", onWindowMessage);
    iframe.addEventListener("load", onFrameLoad);
    signal?.addEventListener("abort", onAbort);
    report({ status });
    startHandshake();
  });
}
function newAttempt() {
  const bytes = new Uint8Array(12);
  const crypto = globalThis.crypto;
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
function need(handler, name) {
  if (!handler) throw new FlexBridgeError("NOT_SUPPORTED", `this host does not answer ${name}`);
  return handler;
}

// packages/flex-host-sdk/src/mountFlex.ts
var FLEX_FRAME_ALLOW = "microphone; camera; autoplay; clipboard-write";
function mountFlex(options) {
  const { container, flexUrl, width, height, title, ...connectOptions } = options;
  let url;
  try {
    url = new URL(flexUrl);
  } catch {
    return Promise.reject(
      new FlexBridgeError("ORIGIN_MISMATCH", `flexUrl "${flexUrl}" is not a URL`)
    );
  }
  let flexOrigin;
  try {
    flexOrigin = exactOrigin(url.origin);
  } catch (error) {
    return Promise.reject(error);
  }
  const iframe = container.ownerDocument.createElement("iframe");
  iframe.setAttribute("allow", FLEX_FRAME_ALLOW);
  iframe.title = title ?? "Twilio Flex";
  iframe.style.border = "0";
  iframe.style.width = width ?? "100%";
  iframe.style.height = height ?? "100%";
  const connecting = connectFlex({ ...connectOptions, iframe, flexOrigin });
  iframe.src = url.href;
  container.appendChild(iframe);
  return connecting;
}

// packages/flex-host-sdk/src/index.ts
function refuse(reason, fields = []) {
  return new FlexBridgeError("REFUSED", reason, fields);
}
export {
  FLEX_FRAME_ALLOW,
  FlexBridgeError,
  PROTOCOL_VERSION,
  connectFlex,
  mountFlex,
  refuse
};
