/*
 * mpsim view: turns the compiler's render-module nodes into DOM and keeps it
 * in step with the data (core/compiler/wxmlcompiler.h has the node shape).
 *
 * A Tree is one rendered template: a page (its nodes under <wx-page> in the
 * page's shadow root) or a custom component (its nodes in the host element's
 * shadow root). update() re-runs render(data, memo) and patches the DOM: nodes
 * are matched by their compiler key among siblings (wx:for items by wx:key),
 * so a moved item keeps its DOM node and only changed attributes and text are
 * written. A node the render module returns unchanged (a memoised wx:for
 * item, wxmlcompiler.h) is not looked at again. For that, the tree's data is
 * never changed in place: applyPatch copies every object along a patched
 * path.
 *
 * Rendered elements carry two expando fields the event system reads:
 *   node.__vnode  the node description it was last patched with
 *   node.__owner  the Tree whose template produced it (handlers run there)
 * A custom component's host element also has node.__component (its Tree).
 */
import { builtinTags, lightTags, setLightProps } from './components/index.js';
import { componentElementName } from './names.js';

// Attributes the renderer writes to the DOM itself; every other attribute of
// a built-in component goes through element.wxSet(name, value), or for the
// plain view/text/block through setLightProps (components/basic.js).
const domAttributes = new Set(['class', 'style', 'id', 'hidden', 'slot']);

function isObject(value) {
    return value !== null && typeof value === 'object';
}

function writeDomAttribute(element, name, value) {
    if (name === 'hidden') {
        // A boolean: hidden="{{false}}" shows the node, as on a device.
        if (value === false || value === null || value === undefined || value === 'false')
            element.removeAttribute('hidden');
        else
            element.setAttribute('hidden', '');
        return;
    }
    if (value === null || value === undefined || value === false)
        element.removeAttribute(name);
    else
        element.setAttribute(name, value === true ? '' : String(value));
}

export class Tree {
    /*
     * options = {
     *   id          page or component id ("p1", "c3")
     *   pageId      the page it belongs to
     *   container   the node whose children the template renders into
     *   module      the render module ({ render, ... })
     *   components  { tag: componentPath } usingComponents of this template
     *   runtime     { componentHostCreated(host, tree), componentHostRemoved(host),
     *                 reportError(error, tree) }
     *   host        the custom component's host element (components only)
     *   externalClasses [names] (components only)
     * }
     */
    constructor(options) {
        this.id = options.id;
        this.pageId = options.pageId;
        this.container = options.container;
        this.module = options.module;
        this.components = options.components || {};
        this.runtime = options.runtime;
        this.host = options.host || null;
        this.externalClasses = options.externalClasses || [];
        this.data = {};
        this.memo = {};
        this.force = false;
        this.kids = [];
        this.rendered = false;
        this.destroyed = false;
        this.newHosts = [];
    }

    // Applies a setData patch ([[path, value], ...]) to this tree's data: the
    // objects along each path are copied (once per patch), so an unchanged
    // object keeps its identity and a changed one gets a new one.
    applyPatch(patch) {
        const copied = new Set(); // objects this patch made, free to change
        const own = (object, nextKey) => {
            if (copied.has(object))
                return object;
            let copy;
            if (isObject(object))
                copy = Array.isArray(object) ? object.slice() : Object.assign({}, object);
            else
                copy = typeof nextKey === 'number' ? [] : {};
            copied.add(copy);
            return copy;
        };
        for (const [path, value] of patch) {
            if (!Array.isArray(path) || path.length === 0)
                continue;
            this.data = own(this.data);
            let object = this.data;
            for (let i = 0; i < path.length - 1; i += 1) {
                object[path[i]] = own(object[path[i]], path[i + 1]);
                object = object[path[i]];
            }
            object[path[path.length - 1]] = value;
        }
    }

    // `force` patches every node, even those the render module returned
    // unchanged (a component's external classes changed on its host).
    update(force) {
        if (this.destroyed || !this.module)
            return;
        let nodes;
        try {
            nodes = this.module.render(this.data, this.memo);
        } catch (error) {
            this.runtime.reportError(error, this);
            return;
        }
        this.newHosts = [];
        this.force = Boolean(force);
        this.kids = this.patchChildren(this.container, this.kids, nodes || []);
        this.rendered = true;
        const hosts = this.newHosts;
        this.newHosts = [];
        for (const host of hosts)
            this.runtime.componentHostCreated(host, this);
    }

    // Removes everything this tree rendered (its components are reported).
    clear() {
        for (const kid of this.kids)
            this.removeNode(kid.node);
        this.kids = [];
    }

    patchChildren(parent, oldKids, nodes) {
        // The children that stay where they were at the start (all of them in
        // most re-renders; all but the new ones after an append) are patched
        // pairwise; the rest is matched by key.
        let head = 0;
        const shortest = Math.min(oldKids.length, nodes.length);
        while (head < shortest && oldKids[head].key === nodes[head].key && sameKind(oldKids[head].vnode, nodes[head])) {
            if (oldKids[head].vnode !== nodes[head] || this.force)
                this.patchNode(oldKids[head], nodes[head]);
            head += 1;
        }
        if (head === oldKids.length && head === nodes.length)
            return oldKids;
        const byKey = new Map();
        const shadowed = []; // earlier kids with a key repeated later (a duplicate wx:key)
        for (let i = head; i < oldKids.length; i += 1) {
            const previous = byKey.get(oldKids[i].key);
            if (previous !== undefined)
                shadowed.push(previous);
            byKey.set(oldKids[i].key, oldKids[i]);
        }
        const kids = oldKids.slice(0, head);
        kids.length = nodes.length;
        let recycler = null;
        for (let i = head; i < nodes.length; i += 1) {
            const vnode = nodes[i];
            const key = vnode.key;
            const old = byKey.get(key);
            if (old !== undefined && sameKind(old.vnode, vnode)) {
                byKey.delete(key);
                if (old.vnode !== vnode || this.force)
                    this.patchNode(old, vnode);
                kids[i] = old;
                continue;
            }
            recycler = recycler || new Recycler(byKey, nodes);
            const reused = recycler.take(vnode);
            if (reused !== null) {
                byKey.delete(reused.key);
                reused.key = key;
                this.patchNode(reused, vnode);
                kids[i] = reused;
                continue;
            }
            kids[i] = { key: key, vnode: vnode, node: this.createNode(vnode), kids: [] };
            if (vnode.type === 'element')
                kids[i].kids = this.patchChildren(kids[i].node, [], vnode.children || []);
        }
        for (const stale of byKey.values())
            this.removeNode(stale.node);
        for (const stale of shadowed)
            this.removeNode(stale.node);
        // Put the nodes in order, moving only those out of place.
        let cursor = head > 0 ? kids[head - 1].node.nextSibling : parent.firstChild;
        for (let i = head; i < kids.length; i += 1) {
            const kid = kids[i];
            if (kid.node === cursor)
                cursor = cursor.nextSibling;
            else
                parent.insertBefore(kid.node, cursor);
        }
        return kids;
    }

    createNode(vnode) {
        if (vnode.type === 'text')
            return document.createTextNode(vnode.text);
        if (vnode.type === 'slot') {
            const slot = document.createElement('slot');
            if (vnode.name)
                slot.setAttribute('name', vnode.name);
            slot.__vnode = vnode;
            slot.__owner = this;
            return slot;
        }
        const tag = vnode.tag;
        let element;
        if (builtinTags.has(tag)) {
            element = document.createElement('wx-' + tag);
        } else if (Object.prototype.hasOwnProperty.call(this.components, tag)) {
            element = createElementSafely(componentElementName(tag));
            element.__componentPath = this.components[tag];
            this.newHosts.push(element);
        } else {
            element = createElementSafely(tag);
        }
        element.__owner = this;
        element.__vnode = null;
        this.writeAttributes(element, null, vnode);
        element.__vnode = vnode;
        return element;
    }

    patchNode(kid, vnode) {
        const old = kid.vnode;
        kid.vnode = vnode;
        if (vnode.type === 'text') {
            if (old.text !== vnode.text)
                kid.node.data = vnode.text;
            return;
        }
        if (vnode.type === 'slot') {
            kid.node.__vnode = vnode;
            return;
        }
        this.writeAttributes(kid.node, old, vnode);
        kid.node.__vnode = vnode;
        kid.kids = this.patchChildren(kid.node, kid.kids, vnode.children || []);
    }

    writeAttributes(element, old, vnode) {
        const attrs = vnode.attrs || {};
        const before = old ? old.attrs || {} : {};
        const builtin = typeof element.wxSet === 'function';
        const host = element.__componentPath !== undefined;
        const light = !builtin && !host && lightTags.has(vnode.tag);
        let changedProps = null;
        let wrote = false;
        let lightChanged = false;
        for (const name in attrs) {
            const value = attrs[name];
            // Data is never changed in place (applyPatch), so the same value is unchanged.
            if (old && before[name] === value)
                continue;
            if (domAttributes.has(name)) {
                writeDomAttribute(element, name, name === 'class' ? this.mapClasses(value) : value);
                if (host && name !== 'hidden' && name !== 'style') {
                    changedProps = changedProps || {};
                    changedProps[name] = value;
                }
            } else if (builtin) {
                element.wxSet(name, value);
                wrote = true;
            } else if (light) {
                lightChanged = true;
            } else if (host) {
                changedProps = changedProps || {};
                changedProps[name] = value;
            } else if (!isObject(value)) {
                writeDomAttribute(element, name, value);
            }
        }
        for (const name in before) {
            if (name in attrs)
                continue;
            if (light && !domAttributes.has(name))
                lightChanged = true;
            if (domAttributes.has(name) || (!builtin && !host)) {
                element.removeAttribute(name);
            } else if (builtin) {
                element.wxSet(name, undefined);
                wrote = true;
            }
            if (host) {
                changedProps = changedProps || {};
                changedProps[name] = null;
            }
        }
        if (wrote && typeof element.wxFlush === 'function')
            element.wxFlush();
        if (lightChanged) {
            const props = {};
            for (const name in attrs) {
                if (!domAttributes.has(name))
                    props[name] = attrs[name];
            }
            setLightProps(element, vnode.tag, props);
        }
        if (changedProps && old && element.__component)
            this.runtime.componentPropsChanged(element, changedProps);
    }

    // externalClasses: a class of the component's template named like one of
    // them stands for the classes the host gives that attribute.
    mapClasses(value) {
        if (!this.host || this.externalClasses.length === 0 || typeof value !== 'string')
            return value;
        const hostAttrs = (this.host.__vnode && this.host.__vnode.attrs) || {};
        return value.split(/\s+/).map((name) => {
            if (this.externalClasses.indexOf(name) < 0)
                return name;
            const mapped = hostAttrs[name];
            return typeof mapped === 'string' ? mapped : '';
        }).join(' ');
    }

    removeNode(node) {
        if (node.parentNode)
            node.parentNode.removeChild(node);
        this.forgetComponents(node);
    }

    forgetComponents(node) {
        if (node.nodeType !== 1)
            return;
        if (node.__componentPath !== undefined)
            this.runtime.componentHostRemoved(node);
        for (let child = node.firstChild; child; child = child.nextSibling)
            this.forgetComponents(child);
    }
}

/*
 * The nodes of a parent's children that are going away (their key is not
 * rendered any more), offered to new children of the same kind instead of
 * creating nodes: replacing a list of 1,000 rows then rewrites texts instead
 * of building 3,000 elements. Only plain subtrees are offered (text nodes and
 * the plain view/text/block, components/basic.js): they keep no state of their
 * own, so a reused one cannot be told from a new one. Custom components and
 * the other built-ins (an input's value, a video) are never reused: their
 * node belongs to their wx:key.
 */
class Recycler {
    constructor(byKey, nodes) {
        const rendered = new Set();
        for (const vnode of nodes)
            rendered.add(vnode.key);
        this.pools = new Map(); // kindOf -> stale kids, in document order
        for (const kid of byKey.values()) {
            if (rendered.has(kid.key) || !isPlain(kid))
                continue;
            const kind = kindOf(kid.vnode);
            const pool = this.pools.get(kind);
            if (pool)
                pool.push(kid);
            else
                this.pools.set(kind, [kid]);
        }
        this.next = new Map(); // kind -> index of the next kid to hand out
    }

    // A stale plain kid for `vnode`, or null (only plain kinds have pools).
    take(vnode) {
        const kind = kindOf(vnode);
        const pool = this.pools.get(kind);
        const index = this.next.get(kind) || 0;
        if (!pool || index >= pool.length)
            return null;
        this.next.set(kind, index + 1);
        return pool[index];
    }
}

function kindOf(vnode) {
    return vnode.type === 'element' ? vnode.tag : '#' + vnode.type;
}

// Whether a rendered subtree holds only text and plain view/text/block.
function isPlain(kid) {
    const vnode = kid.vnode;
    if (vnode.type === 'text')
        return true;
    if (vnode.type !== 'element' || !lightTags.has(vnode.tag))
        return false;
    return kid.kids.every(isPlain);
}

function sameKind(a, b) {
    return a.type === b.type && (a.type !== 'element' || a.tag === b.tag)
           && (a.type !== 'slot' || a.name === b.name);
}

function createElementSafely(tag) {
    try {
        return document.createElement(tag);
    } catch (error) {
        // A WXML tag that is not a valid DOM name renders as a plain element.
        const element = document.createElement('wx-unknown');
        element.setAttribute('data-tag', tag);
        return element;
    }
}
