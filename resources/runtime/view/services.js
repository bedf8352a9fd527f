/*
 * mpsim view: what built-in components may ask of the runtime. view.js fills
 * these in at start; until then they do nothing (a component used outside the
 * runtime, e.g. in a test page, still works on its own).
 *
 *   navigate({ openType, url, delta })  a <navigator> or button asks for a route
 *                                        change (openType: navigate, redirect,
 *                                        switchTab, reLaunch, navigateBack, exit)
 *   device()                            { windowWidth, windowHeight, pixelRatio }
 */
export const services = {
    navigate: function () {},
    device: function () { return { windowWidth: 375, windowHeight: 667, pixelRatio: 2 }; }
};
