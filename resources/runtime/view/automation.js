/*
 * mpsim view: the runtime's automation agent (docs/AUTOMATION-AGENT.md).
 *
 * Automation clients (miniprogram-automator) reach mpsim over a WebSocket;
 * what lives in the mini-program is asked of this agent through the host
 * object page-bridge.js wires (`__mpsimAutomationHost`). The agent is
 * `window.__mpsimAutomation.handle(method, params)`: a Promise of the result
 * object, or a rejection whose message says what is wrong with the request.
 *
 * Logic-side methods (pages, data, wx, evaluate, mocks, bindings) go to the
 * logic worker with view.ask() (runtime.automation in logic/runtime.js);
 * view-side ones (elements, taps, window properties) are answered here on the
 * DOM. Events: App.exceptionThrown (logic errors, render errors, uncaught
 * errors of the view), App.bindingCalled, App.logAdded (the logic layer's
 * console with its arguments as values, and the view's own console output):
 * the agent says {logs: true} in ready().
 *
 * Page ids: the logic layer's "p3" is 3. Element ids: "e1", "e2"... per page,
 * one per DOM node for the life of the page (a WeakMap node -> id).
 *
 * Pure helpers (selector translation, dotted paths, JSON copies) are exported
 * for the node tests (resources/runtime/tests/automation-agent.test.js).
 */
import { emit } from './events.js';
import { componentElementName, kebab, lightTags } from './names.js';

export { kebab };

export const ProtocolVersion = 1;
const LongPressMs = 350;
const LogLevels = ['log', 'info', 'warn', 'error', 'debug'];

// --- pure helpers -------------------------------------------------------------------

// "p3" -> 3; anything else -> 0.
export function pageNumber(id) {
    const match = /^p(\d+)$/.exec(String(id));
    return match ? Number(match[1]) : 0;
}

export function pageInfo(page) {
    return { pageId: pageNumber(page.pageId), path: String(page.path || ''), query: plain(page.query) || {} };
}

// A JSON copy: what cannot be serialised becomes absent (or its text).
export function plain(value) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol')
        return undefined;
    try {
        const text = JSON.stringify(value);
        return text === undefined ? undefined : JSON.parse(text);
    } catch (error) {
        return String(value);
    }
}

export function camel(name) {
    return String(name).replace(/-([a-z0-9])/g, (m, c) => c.toUpperCase());
}

// The DOM tag a WXML tag renders as (view/renderer.js): built-ins are
// "wx-<tag>", a custom component keeps a tag that is a valid custom-element
// name and gets "mp-<tag>" otherwise.
export function domTag(tag, isBuiltin, isCustom) {
    if (tag === 'page')
        return 'wx-page';
    if (isBuiltin(tag))
        return 'wx-' + tag;
    if (isCustom(tag))
        return componentElementName(tag);
    return tag;
}

// A mini-program selector (`view.a > my-card #b`) as a DOM selector: type
// selectors become the tags the renderer makes; strings, attribute
// selectors, classes, ids and pseudo-classes stay as written.
export function translateSelector(selector, isBuiltin, isCustom) {
    const text = String(selector);
    let out = '';
    let i = 0;
    let atCompoundStart = true;
    const name = /^-?[A-Za-z_][\w-]*/;
    while (i < text.length) {
        const c = text[i];
        if (c === '"' || c === '\'') {
            let j = i + 1;
            while (j < text.length && text[j] !== c)
                j += text[j] === '\\' ? 2 : 1;
            out += text.slice(i, j + 1);
            i = j + 1;
            atCompoundStart = false;
        } else if (c === '[') {
            let j = i + 1;
            let quote = null;
            while (j < text.length && (quote || text[j] !== ']')) {
                if (quote && text[j] === '\\')
                    j += 1;
                else if (quote && text[j] === quote)
                    quote = null;
                else if (!quote && (text[j] === '"' || text[j] === '\''))
                    quote = text[j];
                j += 1;
            }
            out += text.slice(i, j + 1);
            i = j + 1;
            atCompoundStart = false;
        } else if (c === '\\') {
            out += text.slice(i, i + 2);
            i += 2;
            atCompoundStart = false;
        } else if (/\s/.test(c) || c === '>' || c === '+' || c === '~' || c === ',' || c === '(') {
            out += c;
            i += 1;
            atCompoundStart = true;
        } else if (c === '.' || c === '#' || c === ':') {
            out += c;
            i += 1;
            if (c === ':' && text[i] === ':') {
                out += ':';
                i += 1;
            }
            const match = name.exec(text.slice(i));
            if (match) {
                out += match[0];
                i += match[0].length;
            }
            atCompoundStart = false;
        } else {
            const match = atCompoundStart ? /^[A-Za-z_][\w-]*/.exec(text.slice(i)) : null;
            if (match) {
                out += domTag(match[0], isBuiltin, isCustom);
                i += match[0].length;
            } else {
                out += c;
                i += 1;
            }
            atCompoundStart = false;
        }
    }
    return out;
}

// Reads a dotted path ("document.documentElement.scrollWidth") from `root`
// without evaluating code; undefined when a step is missing.
export function readPath(root, path) {
    let value = root;
    for (const key of String(path).split('.')) {
        if (key === '')
            return undefined;
        if (value === null || value === undefined)
            return undefined;
        try {
            value = value[key];
        } catch (error) {
            return undefined;
        }
    }
    return value;
}

// A value of the DOM as the protocol carries it.
export function domValue(value) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol')
        return null;
    if (value === null || typeof value !== 'object')
        return typeof value === 'number' && !Number.isFinite(value) ? null : value;
    if (typeof Node !== 'undefined' && value instanceof Node)
        return null;
    const copy = plain(value);
    return copy === undefined ? null : copy;
}

function check(condition, message) {
    if (!condition)
        throw new Error(message);
}

function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

function nextFrame() {
    return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

// The rendered parent in the composed tree: through a shadow root to its host.
function composedParent(node) {
    const parent = node.parentNode;
    if (parent && parent.nodeType === 11)
        return parent.host || null;
    return parent;
}

function isCustomHost(node) {
    return node && node.nodeType === 1 && node.__componentPath !== undefined;
}

// --- the agent -------------------------------------------------------------------------

export class AutomationAgent {
    /*
     * view: the View of view.js (pages, stack, trees, chrome, ask(), post()).
     * builtinTags: the WXML tags of the built-in components.
     */
    constructor(view, builtinTags) {
        this.view = view;
        this.builtinTags = builtinTags;
        this.customTags = new Set();
        for (const unit of view.units ? view.units.values() : [])
            Object.keys((unit && unit.usingComponents) || {}).forEach((tag) => this.customTags.add(tag));
        this.elementState = new Map(); // page id "p1" -> { ids: WeakMap, nodes: Map, next }
        this.highestPage = 0;
        this.launched = false;
        this.readySent = false;
        this.host = null;
        this.inLog = 0;
        const bootstrap = window.__mpsimBootstrap || {};
        this.hostApis = [].concat(Array.isArray(bootstrap.apis) ? bootstrap.apis : [],
                                  Array.isArray(bootstrap.syncApis) ? bootstrap.syncApis : [])
            .filter((name) => typeof name === 'string');
    }

    install() {
        const agent = this;
        Object.defineProperty(window, '__mpsimAutomation', {
            value: Object.freeze({ handle: (method, params) => agent.handle(method, params) })
        });
        const view = this.view;
        const pageCreate = view.on_pageCreate;
        view.on_pageCreate = function (message) {
            pageCreate.call(this, message);
            agent.pageCreated(message);
        };
        const log = view.on_log;
        view.on_log = function (message) {
            agent.inLog += 1;
            try {
                log.call(this, message);
            } finally {
                agent.inLog -= 1;
            }
            const type = LogLevels.indexOf(message.level) >= 0 ? message.level : 'log';
            const args = Array.isArray(message.args) ? message.args : [message.args];
            agent.emit('App.logAdded', { type: type, args: args.map((arg) => arg === undefined ? null : plain(arg)) });
        };
        const reportError = view.reportError;
        view.reportError = function (error, tree) {
            reportError.call(this, error, tree);
            agent.emit('App.exceptionThrown', {
                message: 'render error in ' + (tree ? tree.id : '') + ': ' + (error && error.message || String(error)),
                stack: error && typeof error.stack === 'string' ? error.stack : undefined
            });
        };
        view.on_automationEvent = function (message) {
            if (message.method === 'App.exceptionThrown' || message.method === 'App.bindingCalled')
                agent.emit(message.method, message.params && typeof message.params === 'object' ? message.params : {});
        };
        window.addEventListener('error', (event) => {
            this.emit('App.exceptionThrown', {
                message: String(event.message || 'error'),
                stack: event.error && typeof event.error.stack === 'string' ? event.error.stack : undefined
            });
        });
        window.addEventListener('unhandledrejection', (event) => {
            const reason = event.reason;
            this.emit('App.exceptionThrown', {
                message: 'Unhandled promise rejection: ' + (reason && reason.message || String(reason)),
                stack: reason && typeof reason.stack === 'string' ? reason.stack : undefined
            });
        });
        window.addEventListener('mpsim:automation-host', () => this.maybeReady());
        this.maybeReady();
    }

    // The view's own console output (render errors, route failures) reaches
    // clients too; the logic layer's comes through on_log with its values.
    wrapConsole() {
        for (const level of LogLevels) {
            const original = console[level];
            if (typeof original !== 'function')
                continue;
            const agent = this;
            console[level] = function (...args) {
                original.apply(console, args);
                if (agent.inLog === 0)
                    agent.emit('App.logAdded', { type: level, args: args.map((arg) => domValue(arg)) });
            };
        }
    }

    pageCreated(message) {
        this.highestPage = Math.max(this.highestPage, pageNumber(message.pageId));
        if (!this.launched) {
            this.launched = true;
            this.maybeReady();
        }
    }

    // Ready once the launch page exists and the host object is there.
    maybeReady() {
        if (!this.launched || this.readySent)
            return;
        const host = window.__mpsimAutomationHost;
        if (!host)
            return;
        this.readySent = true;
        this.host = host;
        // Only in automation runs: the Console dock then shows this file as
        // the source of the view's own messages.
        this.wrapConsole();
        const ready = () => host.ready({ version: ProtocolVersion, logs: true });
        this.view.ask('enableEvents').then(ready, (error) => {
            console.error('[mpsim] automation: the logic layer has no agent helpers: ' + error.message);
            ready();
        });
    }

    emit(method, params) {
        if (!this.host)
            return;
        try {
            this.host.emit(method, plain(params) || {});
        } catch (error) {
            // the channel is gone: nobody listens
        }
    }

    // --- requests ----------------------------------------------------------------------

    async handle(method, params) {
        params = params && typeof params === 'object' && !Array.isArray(params) ? params : {};
        const handler = Object.prototype.hasOwnProperty.call(AutomationAgent.methods, method)
            ? AutomationAgent.methods[method] : null;
        if (!handler)
            throw new Error('the runtime does not implement ' + String(method));
        const result = await handler.call(this, params);
        const copy = plain(result === undefined ? {} : result);
        return copy !== null && typeof copy === 'object' && !Array.isArray(copy) ? copy : {};
    }

    ask(method, ...args) {
        return this.view.ask(method, ...args);
    }

    // Everything posted to the logic layer so far has been handled.
    sync() {
        return this.ask('sync');
    }

    // --- pages -------------------------------------------------------------------------

    page(pageId) {
        const number = Number(pageId);
        check(Number.isInteger(number) && number > 0, 'params.pageId must be a positive integer');
        const page = this.view.pages.get('p' + number);
        if (page)
            return page;
        check(number > this.highestPage, 'page ' + number + ' is closed');
        throw new Error('no page ' + number);
    }

    pageTarget(params) {
        return this.page(params.pageId).id;
    }

    // getData / setData / callMethod of a page or a custom component (the
    // logic layer's id of either); `what` names it in errors.
    async getDataOf(target, params) {
        const path = typeof params.path === 'string' && params.path !== '' ? params.path : undefined;
        return { data: await this.ask('getData', target, path) };
    }

    async setDataOf(target, params) {
        check(params.data && typeof params.data === 'object' && !Array.isArray(params.data), 'params.data must be an object');
        await this.ask('setData', target, params.data);
        return {};
    }

    callMethodOf(target, params, what) {
        check(typeof params.method === 'string', 'params.method must be a string');
        return this.ask('call', target, params.method, Array.isArray(params.args) ? params.args : [], what);
    }

    // --- elements ----------------------------------------------------------------------

    stateOf(page) {
        let state = this.elementState.get(page.id);
        if (!state) {
            state = { ids: new WeakMap(), nodes: new Map(), next: 1 };
            this.elementState.set(page.id, state);
        }
        return state;
    }

    tagOf(node) {
        if (node.__vnode && typeof node.__vnode.tag === 'string')
            return node.__vnode.tag;
        const name = node.localName || '';
        if (name === 'wx-unknown' && node.getAttribute('data-tag'))
            return node.getAttribute('data-tag');
        return name.replace(/^(wx|mp)-/, '');
    }

    describeElement(page, node) {
        const state = this.stateOf(page);
        let id = state.ids.get(node);
        if (!id) {
            id = 'e' + state.next++;
            state.ids.set(node, id);
            state.nodes.set(id, new WeakRef(node));
        }
        const info = { elementId: id, tagName: this.tagOf(node) };
        if (isCustomHost(node) && node.__componentId)
            info.nodeId = node.__componentId;
        return info;
    }

    inPage(node, page) {
        const pageRoot = page.root.getRootNode();
        for (let current = node; current; current = composedParent(current)) {
            if (current === page.root || current.parentNode === pageRoot)
                return current.isConnected;
        }
        return false;
    }

    element(params) {
        const page = this.page(params.pageId);
        const id = String(params.elementId);
        const state = this.stateOf(page);
        const ref = state.nodes.get(id);
        check(ref, 'no element ' + id + ' on page ' + pageNumber(page.id));
        const node = ref.deref();
        if (!node || !this.inPage(node, page)) {
            if (!node)
                state.nodes.delete(id);
            throw new Error('element ' + id + ' is no longer on page ' + pageNumber(page.id));
        }
        return { page: page, node: node };
    }

    domSelector(selector) {
        return translateSelector(selector, (tag) => this.builtinTags.has(tag), (tag) => this.customTags.has(tag));
    }

    // Every match of a mini-program selector under `scopes` (a page's shadow
    // root, or an element); `a >>> b` goes into custom components.
    query(scopes, selector) {
        check(typeof selector === 'string' && selector.trim() !== '', 'params.selector must be a selector');
        const parts = selector.split('>>>');
        let found = [];
        parts.forEach((part, index) => {
            const dom = this.domSelector(part.trim());
            found = [];
            for (const scope of scopes) {
                let matches;
                try {
                    matches = scope.querySelectorAll(dom);
                } catch (error) {
                    throw new Error("'" + selector + "' is not a valid selector");
                }
                for (const match of matches) {
                    if (found.indexOf(match) < 0)
                        found.push(match);
                }
            }
            if (index < parts.length - 1)
                scopes = found.filter(isCustomHost).map((host) => host.shadowRoot).filter(Boolean);
        });
        return found;
    }

    // Where Element.getElement(s) searches: a custom component's own
    // template, then what it holds (slotted content); a built-in's children.
    scopesIn(node) {
        return isCustomHost(node) && node.shadowRoot ? [node.shadowRoot, node] : [node];
    }

    findOne(page, scopes, selector) {
        const found = this.query(scopes, selector);
        check(found.length > 0, "no element matches '" + selector + "'");
        return this.describeElement(page, found[0]);
    }

    findAll(page, scopes, selector) {
        return { elements: this.query(scopes, selector).map((node) => this.describeElement(page, node)) };
    }

    // --- the WXML tree (XPath, getWXML) ----------------------------------------------------

    mirrorAttributes(node, element) {
        const vnode = node.__vnode || {};
        const attrs = vnode.attrs || {};
        for (const name of Object.keys(attrs)) {
            const value = attrs[name];
            if (value === undefined || value === null)
                continue;
            try {
                element.setAttribute(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
            } catch (error) {
                // a name XML refuses: left out
            }
        }
        for (const key of Object.keys(vnode.dataset || {})) {
            const value = vnode.dataset[key];
            try {
                element.setAttribute('data-' + kebab(key),
                                     value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value));
            } catch (error) {
                // left out
            }
        }
    }

    // Appends the WXML of `node` (a DOM node the renderer made) to `parent`
    // in `doc`; `map` (xml -> DOM) when given.
    mirror(doc, parent, node, map) {
        if (node.nodeType === 3) {
            parent.appendChild(doc.createTextNode(node.data));
            return;
        }
        if (node.nodeType !== 1)
            return;
        if (node.localName === 'slot' && node.__vnode) {
            for (const assigned of node.assignedNodes({ flatten: true }))
                this.mirror(doc, parent, assigned, map);
            return;
        }
        if (!node.__vnode)
            return; // the runtime's own nodes (refresh indicator...)
        let element;
        try {
            element = doc.createElement(this.tagOf(node));
        } catch (error) {
            element = doc.createElement('unknown');
        }
        this.mirrorAttributes(node, element);
        if (map)
            map.set(element, node);
        parent.appendChild(element);
        this.mirrorChildren(doc, element, node, map);
    }

    mirrorChildren(doc, parent, node, map) {
        const children = isCustomHost(node) && node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
        for (const child of Array.from(children))
            this.mirror(doc, parent, child, map);
    }

    pageDocument(page, map) {
        const doc = document.implementation.createDocument(null, 'page', null);
        this.mirrorChildren(doc, doc.documentElement, page.root, map);
        return doc;
    }

    xpath(page, selector) {
        check(typeof selector === 'string' && selector.trim() !== '', 'params.selector must be an XPath');
        const map = new Map();
        const doc = this.pageDocument(page, map);
        let result;
        try {
            result = doc.evaluate(selector, doc, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
        } catch (error) {
            throw new Error("'" + selector + "' is not a valid XPath expression of elements");
        }
        const found = [];
        for (let i = 0; i < result.snapshotLength; i += 1) {
            let item = result.snapshotItem(i);
            if (item.nodeType === 2)
                item = item.ownerElement;
            else if (item.nodeType !== 1)
                item = item.parentNode;
            const node = item && map.get(item);
            if (node && found.indexOf(node) < 0)
                found.push(node);
        }
        return found;
    }

    wxml(node, outer) {
        const doc = document.implementation.createDocument(null, 'wxml', null);
        const root = doc.documentElement;
        if (outer)
            this.mirror(doc, root, node, null);
        else
            this.mirrorChildren(doc, root, node, null);
        const serializer = new XMLSerializer();
        return Array.from(root.childNodes).map((child) => serializer.serializeToString(child)).join('');
    }

    // --- element values ----------------------------------------------------------------

    // innerText through custom components' shadow roots (the text a person
    // sees), the DOM's own innerText when there are none.
    text(node) {
        const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT);
        let custom = isCustomHost(node);
        while (!custom && walker.nextNode())
            custom = isCustomHost(walker.currentNode);
        if (!custom)
            return node.innerText;
        const parts = [];
        const visit = (current) => {
            if (current.nodeType === 3) {
                parts.push(current.data.replace(/\s+/g, ' '));
                return;
            }
            if (current.nodeType !== 1)
                return;
            const style = getComputedStyle(current);
            if (style.display === 'none' || current.hidden)
                return;
            const block = /^(block|flex|grid|list-item|table)$/.test(style.display);
            if (block)
                parts.push('\n');
            let children;
            if (isCustomHost(current) && current.shadowRoot)
                children = current.shadowRoot.childNodes;
            else if (current.localName === 'slot')
                children = current.assignedNodes({ flatten: true });
            else if ('value' in current && /^wx-(input|textarea)$/.test(current.localName))
                children = [document.createTextNode(String(current.value))];
            else
                children = current.childNodes;
            Array.from(children).forEach(visit);
            if (block)
                parts.push('\n');
        };
        visit(node);
        return parts.join('').replace(/ *\n[\s]*/g, '\n').trim();
    }

    domProperty(node, name) {
        if (name === 'innerText')
            return this.text(node);
        return domValue(readPath(node, name));
    }

    builtinProperty(node, name) {
        if (name === '_translateX' || name === '_translateY')
            return domValue(node[name === '_translateX' ? '_x' : '_y']);
        if (name === '__propPublic') {
            const names = {};
            const props = node._wxProps || {};
            Object.keys(props).forEach((key) => { names[camel(key)] = true; });
            for (const live of ['value', 'checked', 'current']) {
                if (live in node)
                    names[live] = true;
            }
            return names;
        }
        if ((name === 'value' || name === 'checked' || name === 'current') && name in node)
            return domValue(node[name]);
        // Built-ins keep their WXML properties in _wxProps; so do the plain
        // view/text/block (components/basic.js), once they have any.
        if (typeof node.wxProp === 'function'
            || (node.localName.startsWith('wx-') && lightTags.has(node.localName.slice(3)))) {
            const value = (node._wxProps || {})[kebab(name)];
            return value === undefined ? null : domValue(value);
        }
        return domValue(node[name]);
    }

    attribute(node, name) {
        const vnode = node.__vnode;
        if (vnode) {
            const attrs = vnode.attrs || {};
            if (Object.prototype.hasOwnProperty.call(attrs, name)) {
                const value = attrs[name];
                if (value === undefined || value === null)
                    return null;
                return typeof value === 'object' ? JSON.stringify(value) : String(value);
            }
            if (/^data-/.test(name)) {
                const value = (vnode.dataset || {})[camel(name.slice(5))];
                if (value === undefined)
                    return null;
                return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
            }
        }
        return node.getAttribute(name);
    }

    offset(page, node) {
        const origin = page.element.getBoundingClientRect();
        const rect = node.getBoundingClientRect();
        return { left: rect.left - origin.left + page.element.scrollLeft, top: rect.top - origin.top + page.element.scrollTop };
    }

    // --- input -----------------------------------------------------------------------------

    point(node, params) {
        const touch = (Array.isArray(params.touches) && params.touches[0])
                      || (Array.isArray(params.changedTouches) && params.changedTouches[0]);
        if (touch && typeof touch === 'object') {
            const x = Number(touch.clientX !== undefined ? touch.clientX : touch.pageX);
            const y = Number(touch.clientY !== undefined ? touch.clientY : touch.pageY);
            if (Number.isFinite(x) && Number.isFinite(y))
                return { x: x, y: y };
        }
        const rect = node.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }

    pointer(node, type, at) {
        const init = {
            bubbles: true, composed: true, cancelable: true, view: window,
            pointerId: 1, pointerType: 'touch', isPrimary: true, button: type === 'pointermove' ? -1 : 0,
            buttons: type === 'pointerup' ? 0 : 1, clientX: at.x, clientY: at.y, pressure: type === 'pointerup' ? 0 : 0.5
        };
        node.dispatchEvent(new PointerEvent(type, init));
    }

    click(node, at) {
        node.dispatchEvent(new MouseEvent('click', {
            bubbles: true, composed: true, cancelable: true, view: window, button: 0, detail: 1,
            clientX: at.x, clientY: at.y
        }));
    }

    // As a user gesture: the view's wx calls made meanwhile carry it (the
    // logic layer's handlers get theirs from the tap event itself).
    asGesture(fn) {
        return typeof window.__mpsimRunAsTap === 'function' ? window.__mpsimRunAsTap(fn) : fn();
    }

    async tap(node) {
        const at = this.point(node, {});
        this.asGesture(() => {
            this.pointer(node, 'pointerdown', at);
            this.pointer(node, 'pointerup', at);
            this.click(node, at);
        });
        await this.sync();
    }

    async longpress(node) {
        const at = this.point(node, {});
        this.pointer(node, 'pointerdown', at);
        await sleep(LongPressMs + 20);
        this.asGesture(() => {
            this.pointer(node, 'pointerup', at);
            // A tap follows unless a longpress handler ran (events.js decides).
            this.click(node, at);
        });
        await this.sync();
    }

    async touch(node, type, params) {
        const at = this.point(node, params);
        if (type === 'touchstart') {
            this.pointer(node, 'pointerdown', at);
        } else if (type === 'touchmove') {
            this.pointer(node, 'pointermove', at);
        } else {
            this.asGesture(() => {
                this.pointer(node, 'pointerup', at);
                // After a longpress that ran a handler events.js swallows the
                // next click: send it now so that the next tap counts.
                const root = this.view.chrome && this.view.chrome.pages;
                if (root && root.__mpsimSuppressTap)
                    this.click(node, at);
            });
        }
        await this.sync();
    }

    async callFunction(node, name, args) {
        const tag = this.tagOf(node);
        const dot = name.indexOf('.');
        const owner = dot > 0 ? name.slice(0, dot) : '';
        const fn = dot > 0 ? name.slice(dot + 1) : name;
        const unknown = () => new Error(tag + " has no function '" + name + "'");
        if (owner !== tag)
            throw unknown();
        switch (name) {
        case 'input.input':
        case 'textarea.input': {
            const control = node.shadowRoot && node.shadowRoot.querySelector('input, textarea');
            check(control, tag + ' has no text field to type into');
            check(!control.disabled, tag + ' is disabled');
            control.value = args.length ? String(args[0] === null || args[0] === undefined ? '' : args[0]) : '';
            control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
            await this.sync();
            return undefined;
        }
        case 'scroll-view.scrollTo': {
            const x = Number(args[0]);
            const y = Number(args[1]);
            const options = {};
            if (Number.isFinite(x))
                options.left = x;
            if (Number.isFinite(y))
                options.top = y;
            node.scrollTo(options);
            await nextFrame();
            await nextFrame();
            await this.sync();
            return undefined;
        }
        case 'scroll-view.scrollTop':
        case 'scroll-view.scrollLeft':
        case 'scroll-view.scrollWidth':
        case 'scroll-view.scrollHeight':
            return node[fn];
        case 'swiper.swipeTo': {
            check(typeof node._goTo === 'function', 'this swiper cannot be moved');
            const index = Number(args[0]);
            check(Number.isInteger(index) && index >= 0, 'swiper.swipeTo needs a slide index, not ' + JSON.stringify(args[0]));
            node._goTo(index, 'touch');
            await this.sync();
            return undefined;
        }
        case 'movable-view.moveTo': {
            check(typeof node._place === 'function', 'this movable-view cannot be moved');
            const x = Number(args[0]);
            const y = Number(args[1]);
            if (Number.isFinite(x))
                node._x = x;
            if (Number.isFinite(y))
                node._y = y;
            node._place(false);
            node.wxEmit('change', { x: node._x, y: node._y, source: '' });
            await this.sync();
            return undefined;
        }
        case 'switch.tap':
            await this.tap(node);
            return undefined;
        case 'slider.slideTo': {
            check(typeof node._clamp === 'function' && typeof node._render === 'function', 'this slider cannot be moved');
            const value = Number(args[0]);
            check(Number.isFinite(value), 'slider.slideTo needs a number, not ' + JSON.stringify(args[0]));
            if (node.wxBool && node.wxBool('disabled'))
                throw new Error('slider is disabled');
            node._value = node._clamp(value);
            node._render();
            node.wxEmit('changing', { value: node._value });
            node.wxEmit('change', { value: node._value });
            await this.sync();
            return undefined;
        }
        default:
            throw unknown();
        }
    }

    // The custom component an Element.* request names (its nodeId, or the host).
    component(params) {
        const { node } = this.element(params);
        check(isCustomHost(node) && node.__componentId,
              'element ' + params.elementId + ' (' + this.tagOf(node) + ') is not a custom component');
        if (typeof params.nodeId === 'string' && params.nodeId !== '' && params.nodeId !== node.__componentId)
            throw new Error('element ' + params.elementId + ' is component ' + node.__componentId + ', not ' + params.nodeId);
        return node.__componentId;
    }

    names(params) {
        check(Array.isArray(params.names), 'params.names must be an array of strings');
        return params.names.map(String);
    }

    windowProperty(page, name) {
        // The page scrolls in its own container, not the document.
        const scroll = /^document\.(documentElement|body)\.(scrollTop|scrollLeft|scrollWidth|scrollHeight|clientWidth|clientHeight)$/
            .exec(name);
        if (scroll)
            return page.element[scroll[2]];
        return domValue(readPath(window, name));
    }
}

function routeError(error) {
    if (error instanceof Error)
        return error;
    return new Error(error && typeof error.errMsg === 'string' ? error.errMsg : String(error));
}

AutomationAgent.methods = {
    // --- App (logic) -----------------------------------------------------------------
    async 'App.getCurrentPage'() {
        const page = await this.ask('currentPage');
        check(page, 'no page is open');
        return pageInfo(page);
    },
    async 'App.getPageStack'() {
        const stack = await this.ask('pageStack');
        return { pageStack: (stack || []).map(pageInfo) };
    },
    async 'App.callWxMethod'(params) {
        check(typeof params.method === 'string', 'params.method must be a string');
        const args = Array.isArray(params.args) ? params.args.map((arg) => arg === null ? undefined : arg) : [];
        return this.ask('callWxMethod', params.method, args, this.hostApis);
    },
    async 'App.callFunction'(params) {
        check(typeof params.functionDeclaration === 'string', 'params.functionDeclaration must be a string');
        return this.ask('callFunction', params.functionDeclaration, Array.isArray(params.args) ? params.args : []);
    },
    async 'App.mockWxMethod'(params) {
        check(typeof params.method === 'string', 'params.method must be a string');
        await this.ask('mock', params, this.hostApis);
        return {};
    },
    async 'App.addBinding'(params) {
        check(typeof params.name === 'string', 'params.name must be a string');
        await this.ask('addBinding', params.name);
        return {};
    },
    async 'Tool.native'(params) {
        const view = this.view;
        switch (params.method) {
        case 'goHome': {
            const entry = await this.ask('entryPage');
            check(entry, 'the mini-program has no entry page');
            await this.ask('route', 'reLaunch', { url: '/' + entry }).catch((error) => { throw routeError(error); });
            return {};
        }
        case 'navigateLeft': {
            const top = view.stack[view.stack.length - 1];
            check(view.stack.length > 1, top ? 'page ' + pageNumber(top.id) + ' is the only page: there is nothing to go back to'
                                             : 'no page is open');
            view.post({ rt: 'navigate', openType: 'navigateBack', delta: 1 });
            await this.sync();
            return {};
        }
        case 'switchTab': {
            const path = String(typeof params.data === 'string' ? params.data
                                : params.data && params.data.pagePath || params.data && params.data.url || '')
                .replace(/^\/+/, '').replace(/\?.*$/, '').replace(/\.html$/, '');
            check(view.chrome && view.chrome.isTabPage(path), "'" + path + "' is not a page of the tab bar");
            view.post({ rt: 'navigate', openType: 'switchTab', url: '/' + path });
            await this.sync();
            return {};
        }
        default:
            throw new Error('unknown native method ' + JSON.stringify(params.method));
        }
    },

    // --- Page ----------------------------------------------------------------------------
    async 'Page.getElement'(params) {
        const page = this.page(params.pageId);
        return this.findOne(page, [page.root.getRootNode()], params.selector);
    },
    async 'Page.getElements'(params) {
        const page = this.page(params.pageId);
        return this.findAll(page, [page.root.getRootNode()], params.selector);
    },
    async 'Page.getElementByXpath'(params) {
        const page = this.page(params.pageId);
        const found = this.xpath(page, params.selector);
        check(found.length > 0, "no element matches '" + params.selector + "'");
        return this.describeElement(page, found[0]);
    },
    async 'Page.getElementsByXpath'(params) {
        const page = this.page(params.pageId);
        return { elements: this.xpath(page, params.selector).map((node) => this.describeElement(page, node)) };
    },
    'Page.getData'(params) {
        return this.getDataOf(this.pageTarget(params), params);
    },
    'Page.setData'(params) {
        return this.setDataOf(this.pageTarget(params), params);
    },
    'Page.callMethod'(params) {
        const target = this.pageTarget(params);
        return this.callMethodOf(target, params, 'page ' + pageNumber(target));
    },
    async 'Page.getWindowProperties'(params) {
        const page = this.page(params.pageId);
        return { properties: this.names(params).map((name) => this.windowProperty(page, name)) };
    },

    // --- Element (view) -------------------------------------------------------------------
    async 'Element.getElement'(params) {
        const { page, node } = this.element(params);
        return this.findOne(page, this.scopesIn(node), params.selector);
    },
    async 'Element.getElements'(params) {
        const { page, node } = this.element(params);
        return this.findAll(page, this.scopesIn(node), params.selector);
    },
    async 'Element.getDOMProperties'(params) {
        const { node } = this.element(params);
        return { properties: this.names(params).map((name) => this.domProperty(node, name)) };
    },
    async 'Element.getProperties'(params) {
        const { node } = this.element(params);
        const names = this.names(params);
        if (isCustomHost(node) && node.__componentId)
            return { properties: await this.ask('properties', node.__componentId, names) };
        return { properties: names.map((name) => this.builtinProperty(node, name)) };
    },
    async 'Element.getAttributes'(params) {
        const { node } = this.element(params);
        return { attributes: this.names(params).map((name) => this.attribute(node, name)) };
    },
    async 'Element.getStyles'(params) {
        const { node } = this.element(params);
        const style = getComputedStyle(node);
        return { styles: this.names(params).map((name) => style.getPropertyValue(kebab(name))) };
    },
    async 'Element.getOffset'(params) {
        const { page, node } = this.element(params);
        return this.offset(page, node);
    },
    async 'Element.getWXML'(params) {
        const { node } = this.element(params);
        return { wxml: this.wxml(node, params.type === 'outer') };
    },
    async 'Element.tap'(params) {
        await this.tap(this.element(params).node);
        return {};
    },
    async 'Element.longpress'(params) {
        await this.longpress(this.element(params).node);
        return {};
    },
    async 'Element.touchstart'(params) {
        await this.touch(this.element(params).node, 'touchstart', params);
        return {};
    },
    async 'Element.touchmove'(params) {
        await this.touch(this.element(params).node, 'touchmove', params);
        return {};
    },
    async 'Element.touchend'(params) {
        await this.touch(this.element(params).node, 'touchend', params);
        return {};
    },
    async 'Element.triggerEvent'(params) {
        const { node } = this.element(params);
        check(typeof params.type === 'string' && params.type !== '', 'params.type must name an event');
        const touchLike = /^(tap|longpress|longtap|touchstart|touchmove|touchend|touchcancel)$/.test(params.type);
        this.asGesture(() => emit(node, params.type, params.detail === undefined || params.detail === null ? {} : params.detail,
                                  { bubbles: touchLike, composed: touchLike }));
        await this.sync();
        return {};
    },
    async 'Element.dispatchEvent'(params) {
        const { node } = this.element(params);
        check(typeof params.eventName === 'string' && params.eventName !== '', 'params.eventName must name an event');
        const name = params.eventName;
        const data = params.eventData && typeof params.eventData === 'object' ? params.eventData : {};
        const init = Object.assign({ bubbles: true, composed: true, cancelable: true }, data);
        let event;
        if (/^pointer/.test(name))
            event = new PointerEvent(name, init);
        else if (/^(click|dblclick|mouse)/.test(name))
            event = new MouseEvent(name, init);
        else if (/^(input|change|focus|blur|scroll)$/.test(name))
            event = new Event(name, init);
        else
            event = new CustomEvent(name, Object.assign({}, init, { detail: data.detail !== undefined ? data.detail : data }));
        node.dispatchEvent(event);
        await this.sync();
        return {};
    },
    async 'Element.callFunction'(params) {
        const { node } = this.element(params);
        check(typeof params.functionName === 'string', 'params.functionName must be a string');
        const result = await this.callFunction(node, params.functionName, Array.isArray(params.args) ? params.args : []);
        return { result: domValue(result) };
    },
    'Element.getData'(params) {
        return this.getDataOf(this.component(params), params);
    },
    'Element.setData'(params) {
        return this.setDataOf(this.component(params), params);
    },
    'Element.callMethod'(params) {
        return this.callMethodOf(this.component(params), params, 'element ' + params.elementId);
    },
    async 'Element.callContextMethod'(params) {
        const { node } = this.element(params);
        throw new Error(this.tagOf(node) + ' contexts (video, map) are not supported by mpsim');
    }
};

// Creates the agent for `view` and makes it reachable (window.__mpsimAutomation).
export function startAutomationAgent(view, builtinTags) {
    if (window.__mpsimAutomation)
        return null;
    const agent = new AutomationAgent(view, builtinTags);
    agent.install();
    return agent;
}
