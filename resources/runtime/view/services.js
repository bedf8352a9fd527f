/*
 * mpsim view: what built-in components may ask of the runtime. view.js fills
 * these in at start; until then they do nothing (a component used outside the
 * runtime, e.g. in a test page, still works on its own).
 *
 *   navigate({ openType, url, delta })  a <navigator> or button asks for a route
 *                                        change (openType: navigate, redirect,
 *                                        switchTab, reLaunch, navigateBack, exit)
 *   device()                            { windowWidth, windowHeight, pixelRatio }
 *   share(element, target)              a <button open-type="share"> was
 *                                        tapped: the page's onShareAppMessage
 *                                        runs with { from: 'button', target }
 */
export const services = {
    navigate: function () {},
    share: function () { console.info('[mpsim] share: no runtime to ask the page'); },
    device: function () { return { windowWidth: 375, windowHeight: 667, pixelRatio: 2 }; }
};
