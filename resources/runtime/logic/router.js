/*
 * mpsim logic layer: the page stack and the route rules.
 *
 * A classic script (importScripts in the logic worker, require() in Node).
 * Defines the global `__mpsimLogicRouter`; under CommonJS, module.exports.
 * Depends on __mpsimLogicModules (path helpers).
 *
 *   parseQuery('a=1&b=%E4%B8%AD') -> {a: '1', b: '中'}
 *   resolveUrl(url, currentPath, isPage) -> {path, query}: '/x' from the root,
 *     './x' and '../x' from the current page's folder, 'x' from that folder
 *     when it names a page, else from the root.
 *   createRouter(deps) -> router with navigateTo(url, extra), redirectTo(url),
 *     navigateBack(delta), switchTab(url), reLaunch(url), launch(path, query),
 *     stack, top(), alive(). Each route returns {ok: true, page} or
 *     {ok: false, errMsg} with the platform's messages. deps:
 *       isPage(path), isTabPage(path)
 *       build(path, query, extra) -> page record (not started)
 *       start(page, openType)     pageCreate + onLoad + onShow
 *       unload(page), hide(page), show(page, openType)
 *   A page record only needs `path`. Max 10 pages in the stack; tab pages
 *   stay alive after a switchTab until reLaunch or redirectTo closes them.
 */
var __mpsimLogicRouter = (function (M) {
    'use strict';

    var MAX_PAGES = 10;

    function decode(text) {
        try {
            return decodeURIComponent(text);
        } catch (e) {
            return text;
        }
    }

    function parseQuery(text) {
        var query = {};
        if (!text)
            return query;
        text.split('&').forEach(function (pair) {
            if (pair === '')
                return;
            var eq = pair.indexOf('=');
            var key = eq < 0 ? pair : pair.slice(0, eq);
            var value = eq < 0 ? '' : pair.slice(eq + 1);
            query[decode(key)] = decode(value);
        });
        return query;
    }

    function stripPath(path) {
        return String(path || '').replace(/^\/+/, '').replace(/\.html$/, '');
    }

    function resolveUrl(url, currentPath, isPage) {
        var text = String(url);
        var hash = text.indexOf('#');
        if (hash >= 0)
            text = text.slice(0, hash);
        var q = text.indexOf('?');
        var pathPart = q < 0 ? text : text.slice(0, q);
        var query = parseQuery(q < 0 ? '' : text.slice(q + 1));
        var from = M.dirname(currentPath || '');
        var path;
        if (pathPart.charAt(0) === '/') {
            path = M.normalize(pathPart);
        } else if (/^\.\.?(\/|$)/.test(pathPart)) {
            path = M.join(from, pathPart);
        } else {
            var relative = M.join(from, pathPart);
            path = relative !== null && isPage(stripPath(relative)) ? relative : M.normalize(pathPart);
        }
        return { path: stripPath(path === null ? pathPart : path), query: query };
    }

    function createRouter(deps) {
        var stack = [];
        var tabPages = new Map(); // tab path -> alive page record

        function top() {
            return stack.length ? stack[stack.length - 1] : null;
        }

        function fail(api, reason) {
            return { ok: false, errMsg: api + ':fail ' + reason };
        }

        function notFound(api, path) {
            return fail(api, 'page "' + path + '" is not found');
        }

        function resolve(url) {
            var current = top();
            return resolveUrl(url, current ? current.path : '', deps.isPage);
        }

        function forget(page) {
            if (tabPages.get(page.path) === page)
                tabPages.delete(page.path);
        }

        function unload(page) {
            forget(page);
            deps.unload(page);
        }

        function open(path, query, openType, extra) {
            var page = deps.build(path, query, extra);
            if (deps.isTabPage(path))
                tabPages.set(path, page);
            stack.push(page);
            deps.start(page, openType);
            return page;
        }

        function launch(path, query) {
            return { ok: true, page: open(path, query, 'appLaunch') };
        }

        function navigateTo(url, extra) {
            var target = resolve(url);
            if (!deps.isPage(target.path))
                return notFound('navigateTo', target.path);
            if (deps.isTabPage(target.path))
                return fail('navigateTo', 'can not navigateTo a tabbar page');
            if (stack.length >= MAX_PAGES)
                return fail('navigateTo', 'webview count limit exceed');
            var current = top();
            if (current)
                deps.hide(current);
            return { ok: true, page: open(target.path, target.query, 'navigateTo', extra) };
        }

        function redirectTo(url) {
            var target = resolve(url);
            if (!deps.isPage(target.path))
                return notFound('redirectTo', target.path);
            if (deps.isTabPage(target.path))
                return fail('redirectTo', 'can not redirectTo a tabbar page');
            var current = top();
            if (current) {
                stack.pop();
                unload(current);
            }
            return { ok: true, page: open(target.path, target.query, 'redirectTo') };
        }

        function navigateBack(delta) {
            var n = Math.floor(Number(delta));
            if (!isFinite(n) || n < 1)
                n = 1;
            if (stack.length <= 1)
                return fail('navigateBack', 'cannot navigate back at first page.');
            n = Math.min(n, stack.length - 1);
            for (var i = 0; i < n; ++i)
                unload(stack.pop());
            var page = top();
            deps.show(page, 'navigateBack');
            return { ok: true, page: page };
        }

        function switchTab(url) {
            var target = resolve(url);
            if (!deps.isPage(target.path))
                return notFound('switchTab', target.path);
            if (!deps.isTabPage(target.path))
                return fail('switchTab', 'can not switch to no-tabBar page');
            var current = top();
            if (current && current.path === target.path && stack.length === 1)
                return { ok: true, page: current };
            while (stack.length) {
                var page = stack.pop();
                if (tabPages.get(page.path) === page) {
                    if (page === current)
                        deps.hide(page);
                } else {
                    unload(page);
                }
            }
            var alive = tabPages.get(target.path);
            if (alive) {
                stack.push(alive);
                deps.show(alive, 'switchTab');
                return { ok: true, page: alive };
            }
            return { ok: true, page: open(target.path, {}, 'switchTab') };
        }

        function reLaunch(url) {
            var target = resolve(url);
            if (!deps.isPage(target.path))
                return notFound('reLaunch', target.path);
            while (stack.length)
                unload(stack.pop());
            Array.from(tabPages.values()).forEach(unload);
            tabPages.clear();
            return { ok: true, page: open(target.path, target.query, 'reLaunch') };
        }

        function alive() {
            var out = stack.slice();
            tabPages.forEach(function (page) {
                if (out.indexOf(page) < 0)
                    out.push(page);
            });
            return out;
        }

        return {
            MAX_PAGES: MAX_PAGES,
            stack: stack,
            top: top,
            alive: alive,
            resolve: resolve,
            launch: launch,
            navigateTo: navigateTo,
            redirectTo: redirectTo,
            navigateBack: navigateBack,
            switchTab: switchTab,
            reLaunch: reLaunch
        };
    }

    return {
        MAX_PAGES: MAX_PAGES,
        parseQuery: parseQuery,
        stripPath: stripPath,
        resolveUrl: resolveUrl,
        createRouter: createRouter
    };
})(typeof __mpsimLogicModules !== 'undefined' ? __mpsimLogicModules : require('./modules.js'));

if (typeof module !== 'undefined' && module && module.exports)
    module.exports = __mpsimLogicRouter;
