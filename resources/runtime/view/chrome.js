/*
 * mpsim view: the host's chrome around the pages: the navigation bar (title,
 * colours, back button, loading), the tab bar from app.json, and the page
 * containers (one scrollable box per page of the stack; only the top one
 * shows).
 */

const NavigationBarHeight = 44;
const TabBarHeight = 50;

function text(value, fallback) {
    return typeof value === 'string' ? value : fallback;
}

export class Chrome {
    /*
     * root      the element everything goes in (#app)
     * appJson   app.json
     * actions   { back(), switchTab(pagePath), menu(), projectUrl(path) -> url }
     *           (menu: the capsule's dots, where a device opens its menu)
     */
    constructor(root, appJson, actions) {
        this.root = root;
        this.appJson = appJson || {};
        this.actions = actions;
        this.window = Object.assign({}, this.appJson.window || {});

        this.navigationBar = document.createElement('div');
        this.navigationBar.className = 'mp-navigation-bar';
        this.backButton = document.createElement('button');
        this.backButton.className = 'mp-back';
        this.backButton.setAttribute('aria-label', 'Back');
        this.backButton.addEventListener('click', () => this.actions.back());
        this.loading = document.createElement('span');
        this.loading.className = 'mp-navigation-loading';
        this.title = document.createElement('span');
        this.title.className = 'mp-title';
        const capsule = document.createElement('div');
        capsule.className = 'mp-capsule';
        capsule.innerHTML = '<span class="mp-capsule-dots">\u2022\u2022\u2022</span><span class="mp-capsule-sep"></span>'
                            + '<span class="mp-capsule-close">\u25CE</span>';
        const dots = capsule.querySelector('.mp-capsule-dots');
        dots.setAttribute('role', 'button');
        dots.title = 'Share: runs the page\'s onShareAppMessage';
        dots.addEventListener('click', () => this.actions.menu());
        this.navigationBar.append(this.backButton, this.loading, this.title, capsule);

        this.pages = document.createElement('div');
        this.pages.className = 'mp-pages';

        this.tabBar = document.createElement('div');
        this.tabBar.className = 'mp-tab-bar';
        this.tabs = [];
        this.buildTabBar();

        this.root.append(this.navigationBar, this.pages, this.tabBar);
    }

    tabList() {
        const tabBar = this.appJson.tabBar;
        if (!tabBar || !Array.isArray(tabBar.list))
            return [];
        return tabBar.list.filter((item) => item && typeof item.pagePath === 'string')
            .map((item) => Object.assign({}, item, { pagePath: item.pagePath.replace(/^\//, '').replace(/\.html$/, '') }));
    }

    isTabPage(path) {
        return this.tabList().some((item) => item.pagePath === path);
    }

    buildTabBar() {
        const tabBar = this.appJson.tabBar || {};
        const list = this.tabList();
        this.tabBarConfig = tabBar;
        if (list.length === 0 || tabBar.custom === true) {
            // A custom tab bar is the app's own component; mpsim shows none.
            this.tabBar.hidden = true;
            return;
        }
        this.tabBar.style.backgroundColor = text(tabBar.backgroundColor, '#f7f7f7');
        this.tabBar.style.borderTopColor = tabBar.borderStyle === 'white' ? '#e5e5e5' : 'rgba(0,0,0,0.18)';
        if (tabBar.position === 'top')
            this.tabBar.classList.add('mp-tab-bar-top');
        for (const item of list) {
            const tab = document.createElement('button');
            tab.className = 'mp-tab';
            tab.dataset.pagePath = item.pagePath;
            if (item.iconPath && tabBar.position !== 'top') {
                const icon = document.createElement('img');
                icon.className = 'mp-tab-icon';
                icon.alt = '';
                tab.append(icon);
            }
            const label = document.createElement('span');
            label.className = 'mp-tab-text';
            label.textContent = text(item.text, '');
            const badge = document.createElement('span');
            badge.className = 'mp-tab-badge';
            badge.hidden = true;
            tab.append(label, badge);
            tab.addEventListener('click', () => this.actions.switchTab(item.pagePath));
            this.tabBar.append(tab);
            this.tabs.push({ item: item, element: tab, badge: badge });
        }
        this.selectTab(null);
    }

    selectTab(path) {
        const tabBar = this.tabBarConfig || {};
        for (const tab of this.tabs) {
            const selected = tab.item.pagePath === path;
            tab.element.classList.toggle('mp-tab-selected', selected);
            tab.element.style.color = selected ? text(tabBar.selectedColor, '#07c160') : text(tabBar.color, '#7a7e83');
            const icon = tab.element.querySelector('img');
            if (icon) {
                const file = selected && tab.item.selectedIconPath ? tab.item.selectedIconPath : tab.item.iconPath;
                const url = this.actions.projectUrl(String(file).replace(/^\//, ''));
                if (icon.getAttribute('src') !== url)
                    icon.setAttribute('src', url);
            }
        }
    }

    // { index, badge?, redDot?, show?, hide? }  (wx.setTabBarBadge & co.)
    updateTabBar(change) {
        if (change.show === true)
            this.tabBarHidden = false;
        if (change.show === false)
            this.tabBarHidden = true;
        const tab = this.tabs[change.index | 0];
        if (tab && ('badge' in change || 'redDot' in change)) {
            const badge = change.badge;
            tab.badge.hidden = !badge && !change.redDot;
            tab.badge.textContent = badge ? String(badge) : '';
            tab.badge.classList.toggle('mp-tab-dot', !badge && !!change.redDot);
        }
        this.layout(this.current);
    }

    // The page's window settings: app.json window merged with its own .json.
    configFor(pageConfig) {
        return Object.assign({}, this.window, pageConfig || {});
    }

    // Shows `page` ({ path, config, navigationBar }) as the top of the stack.
    show(page, canGoBack) {
        this.current = page;
        this.canGoBack = canGoBack;
        this.layout(page);
    }

    layout(page) {
        if (!page)
            return;
        const config = page.config || {};
        const custom = config.navigationStyle === 'custom';
        this.navigationBar.hidden = custom;
        this.applyNavigationBar(page);
        this.backButton.hidden = !this.canGoBack;
        const tabPage = this.isTabPage(page.path) && this.tabs.length > 0 && !this.tabBarHidden;
        this.tabBar.hidden = !tabPage;
        if (tabPage)
            this.selectTab(page.path);
        const top = this.tabBarConfig && this.tabBarConfig.position === 'top' && tabPage;
        this.pages.style.top = (custom ? 0 : NavigationBarHeight) + (top ? TabBarHeight : 0) + 'px';
        this.pages.style.bottom = tabPage && !top ? TabBarHeight + 'px' : '0px';
        if (top)
            this.tabBar.style.top = (custom ? 0 : NavigationBarHeight) + 'px';
    }

    applyNavigationBar(page) {
        const config = page.config || {};
        const state = page.navigationBar || {};
        const title = 'title' in state ? state.title : text(config.navigationBarTitleText, '');
        this.title.textContent = title;
        const background = state.backgroundColor || text(config.navigationBarBackgroundColor, '#000000');
        const front = state.frontColor || (config.navigationBarTextStyle === 'black' ? '#000000' : '#ffffff');
        this.navigationBar.style.backgroundColor = background;
        this.navigationBar.style.color = front;
        this.navigationBar.classList.toggle('mp-dark-text', front === '#000000');
        this.loading.hidden = !state.loading;
    }
}
