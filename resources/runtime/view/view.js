/*
 * mpsim view: the entry of the page that runs a mini-program
 * (mpsim://runtime/view/index.html). It reads mpsim://build/boot.json, loads
 * every render module and stylesheet the project has, starts the logic layer
 * in a Web Worker, and answers its messages (docs/RUNTIME.md): pages and
 * components rendered by renderer.js, events by events.js, chrome by
 * chrome.js, built-in components from components/.
 */
import { startAutomationAgent } from './automation.js';
import { Chrome } from './chrome.js';
import { builtinTags, defineBuiltins, builtinStyleSheet } from './components/index.js';
import { emitFromHost, listenForTouches, setEventSender, setModelSender } from './events.js';
import { Tree } from './renderer.js';
import { services } from './services.js';

const BuildBase = 'mpsim://build/';
const ProjectBase = 'mpsim://project/';

function readText(url) {
    const request = new XMLHttpRequest();
    request.open('GET', url, false);
    request.send();
    if (request.status !== 200 && request.status !== 0)
        throw new Error('cannot load ' + url + ' (' + request.status + ')');
    return request.responseText;
}

function showFatal(message) {
    const box = document.createElement('pre');
    box.className = 'mp-fatal';
    box.textContent = message;
    document.body.append(box);
    console.error('[mpsim] ' + message);
}

class View {
    constructor(boot) {
        this.boot = boot;
        this.appRoot = boot.appRoot ? boot.appRoot.replace(/\/$/, '') + '/' : '';
        this.pages = new Map();       // pageId -> page
        this.stack = [];              // pages, bottom first
        this.trees = new Map();       // page or component id -> Tree
        this.hosts = new Map();       // component id -> host element
        this.pendingPatches = new Map();
        this.nextComponent = 1;
        this.modules = new Map();     // render module path -> module
        this.sheets = new Map();      // stylesheet path -> CSSStyleSheet
        this.units = new Map();       // page/component path -> manifest unit
        for (const unit of (boot.manifest.pages || []).concat(boot.manifest.components || []))
            this.units.set(unit.path, unit);
        const device = boot.device || {};
        this.rpx = (device.windowWidth || 375) / 750;
    }

    // A path in WXML (an image's src) as the platform reads it: "/a.png" from
    // the mini-program's root, "a.png" / "../a.png" from the page or component
    // that wrote it; URLs with a scheme ("https:", "data:") stay as they are.
    resolveUrl(src, element) {
        src = String(src == null ? '' : src).trim();
        if (!src || /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//'))
            return src;
        const base = ProjectBase + this.appRoot;
        if (src.startsWith('/'))
            return base + src.replace(/^\/+/, '');
        const root = element && typeof element.getRootNode === 'function' ? element.getRootNode() : null;
        const host = root && root.host;
        const owner = host ? (host.__componentPath || (host.dataset && host.dataset.path) || '') : '';
        return new URL(src, base + owner).href;
    }

    async start() {
        defineBuiltins();
        this.builtinSheet = builtinStyleSheet();
        document.adoptedStyleSheets = [this.builtinSheet];
        await this.loadModules();
        this.appSheet = this.boot.appStylesheet ? this.sheet(this.boot.appStylesheet) : null;

        const root = document.getElementById('app');
        root.style.setProperty('--rpx', this.rpx + 'px');
        this.chrome = new Chrome(root, this.boot.appJson, {
            back: () => this.post({ rt: 'navigate', openType: 'navigateBack', delta: 1 }),
            switchTab: (path) => this.post({ rt: 'navigate', openType: 'switchTab', url: '/' + path }),
            menu: () => {
                const page = this.stack[this.stack.length - 1];
                if (page)
                    this.post({ rt: 'share', pageId: page.id, from: 'menu' });
            },
            projectUrl: (path) => ProjectBase + this.appRoot + path
        });
        listenForTouches(this.chrome.pages);
        setEventSender((tree, handler, event, gesture) =>
            this.post({ rt: 'event', target: tree.id, handler: handler, event: event, gesture: gesture }));
        setModelSender((tree, path, value) => this.post({ rt: 'model', target: tree.id, path: path, value: value }));
        services.navigate = (request) => this.post(Object.assign({ rt: 'navigate' }, request));
        services.device = () => this.boot.device;
        services.share = (element, target) => {
            const tree = element.__owner;
            const page = (tree && this.pages.get(tree.pageId)) || this.stack[this.stack.length - 1];
            if (page)
                this.post({ rt: 'share', pageId: page.id, from: 'button', target: target });
        };
        services.resolveUrl = (src, element) => this.resolveUrl(src, element);
        window.__mpsimView = this;

        for (const diagnostic of this.boot.diagnostics || []) {
            if (diagnostic.severity === 'error')
                console.error(diagnostic.message + ' (at ' + diagnostic.file + ':' + diagnostic.line + ')');
        }
        startAutomationAgent(this, builtinTags); // says ready after the launch page's pageCreate
        this.startLogic();
    }

    // Every render module is loaded up front, so rendering never waits.
    async loadModules() {
        const paths = new Set();
        for (const unit of this.units.values())
            paths.add(unit.render);
        await Promise.all(Array.from(paths).map(async (path) => {
            try {
                this.modules.set(path, await import(BuildBase + path));
            } catch (error) {
                console.error('[mpsim] cannot load ' + path + ': ' + error.message);
            }
        }));
    }

    sheet(path) {
        if (!path)
            return null;
        let sheet = this.sheets.get(path);
        if (sheet === undefined) {
            sheet = new CSSStyleSheet();
            try {
                sheet.replaceSync(readText(BuildBase + path));
            } catch (error) {
                console.error('[mpsim] stylesheet ' + path + ': ' + error.message);
            }
            this.sheets.set(path, sheet);
        }
        return sheet;
    }

    startLogic() {
        this.worker = new Worker('mpsim://runtime/logic/worker.js');
        if (typeof window.__mpsimAttachWorker === 'function')
            window.__mpsimAttachWorker(this.worker);
        else
            console.error('[mpsim] the wx bridge is missing: wx calls from the logic layer will not be answered');
        this.worker.addEventListener('message', (event) => {
            const message = event.data;
            if (message && typeof message.rt === 'string')
                this.receive(message);
        });
        this.worker.addEventListener('error', (event) => {
            console.error('[mpsim] logic layer: ' + event.message + ' (at ' + event.filename + ':' + event.lineno + ')');
        });
        this.post({ rt: 'boot', boot: this.boot });
    }

    post(message) {
        if (this.worker)
            this.worker.postMessage(message);
    }

    // Calls runtime.automation[method](...args) in the logic layer
    // (logic/runtime.js): a Promise of its result.
    ask(method, ...args) {
        this.nextRequest = (this.nextRequest || 0) + 1;
        const rid = this.nextRequest;
        this.requests = this.requests || new Map();
        return new Promise((resolve, reject) => {
            this.requests.set(rid, { resolve, reject });
            this.post({ rt: 'automation', rid: rid, method: method, args: args });
        });
    }

    on_automationResult(message) {
        const request = this.requests && this.requests.get(message.rid);
        if (!request)
            return;
        this.requests.delete(message.rid);
        if (message.ok)
            request.resolve(message.result);
        else
            request.reject(new Error(message.error));
    }

    receive(message) {
        const handler = this['on_' + message.rt];
        if (typeof handler !== 'function') {
            console.warn('[mpsim] the view does not know the message "' + message.rt + '"');
            return;
        }
        try {
            handler.call(this, message);
        } catch (error) {
            console.error('[mpsim] view: ' + message.rt + ': ' + (error && error.stack || error));
        }
    }

    // ----- pages -------------------------------------------------------------

    on_pageCreate(message) {
        const unit = this.units.get(message.path);
        const container = document.createElement('div');
        container.className = 'mp-page';
        container.dataset.path = message.path;
        container.dataset.pageId = message.pageId;
        const shadow = container.attachShadow({ mode: 'open' });
        const sheets = [this.builtinSheet];
        if (this.appSheet)
            sheets.push(this.appSheet);
        if (unit && unit.stylesheet)
            sheets.push(this.sheet(unit.stylesheet));
        shadow.adoptedStyleSheets = sheets;
        const pageRoot = document.createElement('wx-page');
        shadow.append(pageRoot);

        const config = this.chrome.configFor(message.config);
        if (config.backgroundColor)
            container.style.backgroundColor = config.backgroundColor;
        if (config.disableScroll)
            container.style.overflowY = 'hidden';
        const page = { id: message.pageId, path: message.path, query: message.query, config: config,
                       element: container, root: pageRoot, hooks: message.hooks || {}, navigationBar: {},
                       mounted: false, pendingInits: new Set(), mountTimer: 0 };
        const tree = new Tree({
            id: message.pageId, pageId: message.pageId, container: pageRoot,
            module: unit ? this.modules.get(unit.render) : null,
            components: unit ? unit.usingComponents : {}, runtime: this
        });
        tree.data = message.data || {};
        page.tree = tree;
        this.pages.set(page.id, page);
        this.trees.set(page.id, tree);
        this.watchScroll(page);

        // Pages leave the stack when the logic layer destroys them (redirectTo,
        // navigateBack, reLaunch, switchTab): the view only adds the new one.
        for (const other of this.stack)
            other.element.hidden = true;
        this.stack.push(page);
        this.chrome.pages.append(container);
        this.showChrome(page);

        if (!tree.module) {
            pageRoot.textContent = '';
            console.error('[mpsim] page "' + message.path + '" has no compiled WXML');
        }
        const started = performance.now();
        tree.update();
        this.lastRenderMs = performance.now() - started;
        this.mountWhenComponentsReady(page);
    }

    // The page's first render is in the DOM with every custom component in it
    // (at any depth) initialised: the logic layer may run onLoad/onShow now, so
    // that components' created/attached come first, as on a device.
    mountWhenComponentsReady(page) {
        if (page.mounted || page.pendingInits.size > 0)
            return;
        page.mounted = true;
        clearTimeout(page.mountTimer);
        this.post({ rt: 'pageMounted', pageId: page.id });
    }

    // A component the page's first render is waiting for was initialised
    // (or went away, or will never be).
    componentSettled(id, pageId) {
        const page = this.pages.get(pageId);
        if (!page || page.mounted || !page.pendingInits.delete(id))
            return;
        this.mountWhenComponentsReady(page);
    }

    // The back button shows on a page that is not a tab page and has a page below.
    showChrome(page) {
        const canGoBack = !this.chrome.isTabPage(page.path) && this.stack.indexOf(page) > 0;
        this.chrome.show(page, canGoBack);
    }

    // onLoad/onShow ran and the setData they made is applied by now: the page
    // is ready (its onReady runs).
    on_pageLoaded(message) {
        if (this.pages.has(message.pageId))
            this.post({ rt: 'pageRendered', pageId: message.pageId });
    }

    on_pageShow(message) {
        const page = this.pages.get(message.pageId);
        if (!page)
            return;
        // Bring it to the top of the visible stack (navigateBack, switchTab back to a tab).
        const index = this.stack.indexOf(page);
        if (index >= 0)
            this.stack.splice(index, 1);
        this.stack.push(page);
        for (const other of this.stack)
            other.element.hidden = other !== page;
        if (!page.element.isConnected)
            this.chrome.pages.append(page.element);
        this.showChrome(page);
    }

    on_pageHide(message) {
        const page = this.pages.get(message.pageId);
        if (page)
            page.element.hidden = true;
    }

    on_pageDestroy(message) {
        const page = this.pages.get(message.pageId);
        if (!page)
            return;
        this.destroying = true;
        try {
            page.tree.clear();
        } finally {
            this.destroying = false;
        }
        page.tree.destroyed = true;
        clearTimeout(page.mountTimer);
        page.element.remove();
        this.pages.delete(page.id);
        this.trees.delete(page.id);
        for (const [id, tree] of this.trees) {
            if (tree.pageId === page.id) {
                tree.destroyed = true;
                this.trees.delete(id);
                this.hosts.delete(id);
            }
        }
        const index = this.stack.indexOf(page);
        if (index >= 0)
            this.stack.splice(index, 1);
        const top = this.stack[this.stack.length - 1];
        if (top) {
            top.element.hidden = false;
            this.showChrome(top);
        }
    }

    watchScroll(page) {
        const element = page.element;
        let bottomFired = false;
        element.addEventListener('scroll', () => {
            if (page.hooks.pageScroll)
                this.post({ rt: 'pageScroll', pageId: page.id, scrollTop: element.scrollTop });
            const distance = typeof page.config.onReachBottomDistance === 'number' ? page.config.onReachBottomDistance : 50;
            const atBottom = element.scrollHeight - element.scrollTop - element.clientHeight <= distance;
            if (atBottom && !bottomFired && page.hooks.reachBottom)
                this.post({ rt: 'reachBottom', pageId: page.id });
            bottomFired = atBottom;
        }, { passive: true });
        if (page.config.enablePullDownRefresh)
            this.watchPullDown(page);
    }

    // Pull-down refresh: drag down (mouse or touch) at the top of the page.
    watchPullDown(page) {
        const element = page.element;
        const indicator = document.createElement('div');
        indicator.className = 'mp-refresh';
        indicator.innerHTML = '<span></span><span></span><span></span>';
        indicator.hidden = true;
        element.prepend(indicator);
        page.refreshIndicator = indicator;
        let start = null;
        element.addEventListener('pointerdown', (event) => {
            start = element.scrollTop === 0 ? event.clientY : null;
        });
        element.addEventListener('pointerup', (event) => {
            if (start !== null && event.clientY - start > 60)
                this.startPullDownRefresh(page, true);
            start = null;
        });
    }

    startPullDownRefresh(page, notify) {
        if (!page.refreshIndicator)
            return;
        page.refreshIndicator.hidden = false;
        if (notify)
            this.post({ rt: 'pullDownRefresh', pageId: page.id });
    }

    on_startPullDownRefresh(message) {
        const page = this.pages.get(message.pageId);
        if (page)
            this.startPullDownRefresh(page, true);
    }

    on_stopPullDownRefresh(message) {
        const page = this.pages.get(message.pageId);
        if (page && page.refreshIndicator)
            page.refreshIndicator.hidden = true;
    }

    on_navigationBar(message) {
        const page = this.pages.get(message.pageId) || this.stack[this.stack.length - 1];
        if (!page)
            return;
        for (const key of ['title', 'frontColor', 'backgroundColor', 'loading']) {
            if (key in message)
                page.navigationBar[key] = message[key];
        }
        if (page === this.stack[this.stack.length - 1])
            this.chrome.applyNavigationBar(page);
    }

    on_tabBar(message) {
        this.chrome.updateTabBar(message);
    }

    on_pageScrollTo(message) {
        const page = this.pages.get(message.pageId) || this.stack[this.stack.length - 1];
        if (!page)
            return;
        let top = Number(message.scrollTop) || 0;
        if (typeof message.selector === 'string') {
            const target = page.root.getRootNode().querySelector(message.selector);
            if (target)
                top = target.getBoundingClientRect().top - page.element.getBoundingClientRect().top + page.element.scrollTop
                      + (Number(message.offsetTop) || 0);
        }
        page.element.scrollTo({ top: top, behavior: message.duration > 0 ? 'smooth' : 'auto' });
    }

    // ----- data ----------------------------------------------------------------

    on_setData(message) {
        const tree = this.trees.get(message.target);
        if (!tree) {
            // A component whose host is still being created: keep the patch.
            const queue = this.pendingPatches.get(message.target) || [];
            queue.push(message);
            this.pendingPatches.set(message.target, queue);
            return;
        }
        tree.applyPatch(message.patch || []);
        if (tree.module && (tree.rendered || !tree.host))
            tree.update();
        if (message.cb)
            this.post({ rt: 'setDataDone', cb: message.cb });
    }

    // ----- components ----------------------------------------------------------

    // The renderer made a host for a custom component: ask the logic layer for it.
    componentHostCreated(host, ownerTree) {
        const id = 'c' + this.nextComponent++;
        host.__componentId = id;
        this.hosts.set(id, host);
        const vnode = host.__vnode || {};
        const attrs = vnode.attrs || {};
        let parentId = ownerTree.pageId;
        for (let node = host.parentNode; node; node = node.parentNode || node.host) {
            if (node.__componentId && node !== host) {
                parentId = node.__componentId;
                break;
            }
        }
        const page = this.pages.get(ownerTree.pageId);
        if (page && !page.mounted) {
            page.pendingInits.add(id);
            // A component the logic layer never answers (its script threw while
            // being set up) must not keep the page from loading.
            clearTimeout(page.mountTimer);
            page.mountTimer = setTimeout(() => {
                if (page.mounted)
                    return;
                console.warn('[mpsim] page ' + page.path + ': ' + page.pendingInits.size
                             + ' custom component(s) did not start within 5 s; running onLoad without them');
                page.pendingInits.clear();
                this.mountWhenComponentsReady(page);
            }, 5000);
        }
        host.__componentPageId = ownerTree.pageId;
        this.post({
            rt: 'componentCreate', id: id, pageId: ownerTree.pageId, ownerId: ownerTree.id, parentId: parentId,
            path: host.__componentPath, tag: vnode.tag, props: attrs, dataset: vnode.dataset || {},
            attrs: { id: attrs.id || '', class: attrs.class || '', slot: attrs.slot || '' }
        });
    }

    componentHostRemoved(host) {
        const id = host.__componentId;
        if (!id)
            return;
        const tree = this.trees.get(id);
        if (tree) {
            tree.clear();
            tree.destroyed = true;
        }
        this.trees.delete(id);
        this.hosts.delete(id);
        this.pendingPatches.delete(id);
        if (!this.destroying)
            this.post({ rt: 'componentDetach', id: id });
        this.componentSettled(id, host.__componentPageId);
    }

    componentPropsChanged(host, props) {
        const id = host.__componentId;
        if (!id)
            return;
        const vnode = host.__vnode || {};
        const attrs = vnode.attrs || {};
        this.post({ rt: 'componentProps', id: id, props: props, dataset: vnode.dataset || {},
                    attrs: { id: attrs.id || '', class: attrs.class || '', slot: attrs.slot || '' } });
        const tree = host.__component;
        if (tree && tree.externalClasses.some((name) => name in props))
            tree.update(true);
    }

    on_componentInit(message) {
        const host = this.hosts.get(message.id);
        if (!host || !host.isConnected && !host.parentNode) {
            if (host)
                this.componentSettled(message.id, host.__componentPageId);
            return;
        }
        const unit = this.units.get(host.__componentPath);
        const options = message.options || {};
        const shadow = host.shadowRoot || host.attachShadow({ mode: 'open' });
        const sheets = [this.builtinSheet];
        const isolation = options.styleIsolation || (options.addGlobalClass ? 'apply-shared' : 'isolated');
        const ownerTree = host.__owner;
        if (isolation === 'apply-shared' || isolation === 'shared' || (options.externalClasses || []).length) {
            if (this.appSheet)
                sheets.push(this.appSheet);
            const ownerPage = this.pages.get(ownerTree.pageId);
            const pageUnit = ownerPage && this.units.get(ownerPage.path);
            if (pageUnit && pageUnit.stylesheet)
                sheets.push(this.sheet(pageUnit.stylesheet));
        }
        if (unit && unit.stylesheet)
            sheets.push(this.sheet(unit.stylesheet));
        shadow.adoptedStyleSheets = sheets;
        const tree = new Tree({
            id: message.id, pageId: ownerTree.pageId, container: shadow,
            module: unit ? this.modules.get(unit.render) : null,
            components: unit ? unit.usingComponents : {}, runtime: this,
            host: host, externalClasses: options.externalClasses || []
        });
        tree.data = message.data || {};
        host.__component = tree;
        this.trees.set(message.id, tree);
        for (const patch of this.pendingPatches.get(message.id) || [])
            tree.applyPatch(patch.patch || []);
        tree.update();
        for (const patch of this.pendingPatches.get(message.id) || []) {
            if (patch.cb)
                this.post({ rt: 'setDataDone', cb: patch.cb });
        }
        this.pendingPatches.delete(message.id);
        this.post({ rt: 'componentRendered', id: message.id });
        this.componentSettled(message.id, host.__componentPageId);
    }

    on_triggerEvent(message) {
        const host = this.hosts.get(message.id);
        if (host)
            emitFromHost(host, message.name, message.detail, message.options || {});
    }

    // ----- queries -------------------------------------------------------------

    on_query(message) {
        const page = this.pages.get(message.pageId) || this.stack[this.stack.length - 1];
        let scope = page ? page.root.getRootNode() : document;
        if (message.componentId) {
            const host = this.hosts.get(message.componentId);
            if (host && host.shadowRoot)
                scope = host.shadowRoot;
        }
        const results = (message.requests || []).map((request) => this.answerQuery(page, scope, request));
        this.post({ rt: 'queryResult', qid: message.qid, results: results });
    }

    answerQuery(page, scope, request) {
        const fields = request.fields || {};
        const origin = page ? page.element.getBoundingClientRect() : { left: 0, top: 0 };
        const describe = (element, viewport) => {
            const result = {};
            if (fields.id)
                result.id = viewport ? '' : element.id || '';
            if (fields.dataset)
                result.dataset = viewport ? {} : Object.assign({}, (element.__vnode && element.__vnode.dataset) || {});
            if (fields.rect || fields.size) {
                const rect = viewport ? { left: 0, top: 0, width: page.element.clientWidth, height: page.element.clientHeight }
                                      : element.getBoundingClientRect();
                const left = viewport ? 0 : rect.left - origin.left;
                const top = viewport ? 0 : rect.top - origin.top;
                if (fields.rect)
                    Object.assign(result, { left: left, top: top, right: left + rect.width, bottom: top + rect.height });
                if (fields.size)
                    Object.assign(result, { width: rect.width, height: rect.height });
            }
            if (fields.scrollOffset) {
                const scroller = viewport ? page.element : (element.wxScroller ? element.wxScroller() : element);
                Object.assign(result, { scrollLeft: scroller.scrollLeft, scrollTop: scroller.scrollTop,
                                        scrollWidth: scroller.scrollWidth, scrollHeight: scroller.scrollHeight });
            }
            for (const name of fields.properties || []) {
                const props = element.wxProps || {};
                result[name] = name in props ? props[name] : element[name];
            }
            if ((fields.computedStyle || []).length && !viewport) {
                const style = getComputedStyle(element);
                for (const name of fields.computedStyle)
                    result[name] = style.getPropertyValue(name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()));
            }
            return result;
        };
        if (request.viewport)
            return page ? describe(null, true) : null;
        try {
            if (request.all)
                return Array.from(scope.querySelectorAll(request.selector)).map((element) => describe(element, false));
            const element = scope.querySelector(request.selector);
            return element ? describe(element, false) : null;
        } catch (error) {
            console.error('[mpsim] createSelectorQuery: invalid selector "' + request.selector + '"');
            return request.all ? [] : null;
        }
    }

    // ----- console and errors --------------------------------------------------

    on_log(message) {
        const level = ['log', 'info', 'warn', 'error', 'debug'].indexOf(message.level) >= 0 ? message.level : 'log';
        // One line of text, objects as JSON: the Console dock and automation
        // read text, not live objects.
        const args = (Array.isArray(message.args) ? message.args : [message.args]).map((arg) => {
            if (typeof arg === 'string')
                return arg;
            if (arg === undefined)
                return 'undefined';
            try {
                return JSON.stringify(arg);
            } catch (error) {
                return String(arg);
            }
        });
        let text = args.join(' ');
        if (message.location)
            text += ' (at ' + message.location + ')';
        console[level](text);
    }

    on_routeFailed(message) {
        console.error(message.message);
    }

    reportError(error, tree) {
        const where = tree ? tree.id : '';
        console.error('[mpsim] render error in ' + where + ': ' + (error && error.stack || error));
    }
}

async function main() {
    let boot;
    try {
        boot = JSON.parse(readText(BuildBase + 'boot.json'));
    } catch (error) {
        showFatal('The project could not be compiled for the simulator: ' + error.message);
        return;
    }
    const view = new View(boot);
    try {
        await view.start();
    } catch (error) {
        showFatal('The simulator could not start: ' + (error && error.stack || error));
    }
}

main();
