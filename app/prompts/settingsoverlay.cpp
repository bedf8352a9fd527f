#include "prompts/settingsoverlay.h"

#include "host/scopes.h"
#include "prompts/letterbadge.h"
#include "prompts/toggleswitch.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mpsim::app {

namespace {

constexpr int RowIndent = 16;

// "use your location" -> "Use your location"; unknown scopes show their name.
QString scopeTitle(const std::string &scope)
{
    const core::ScopeInfo *info = core::findScope(scope);
    if (!info)
        return QString::fromStdString(scope);
    QString text = QString::fromUtf8(info->description.data(), qsizetype(info->description.size()));
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace

SettingsOverlay::SettingsOverlay(const core::SettingsPrompt &prompt, const QString &miniProgramName,
                                 std::function<void(core::SettingsAnswer)> answer, QWidget *screen)
    : PromptOverlay(PromptKind::Settings, Placement::FullPage, miniProgramName, screen)
    , m_answer(std::move(answer))
    , m_original(prompt.authSetting)
{
    setObjectName(u"settingsOverlay"_s);
    QVBoxLayout *layout = cardLayout();
    layout->addWidget(createNavigationBar());

    auto *scroll = new QScrollArea(card());
    scroll->setObjectName(u"settingsScrollArea"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFocusPolicy(Qt::NoFocus);
    auto *content = new QWidget(scroll);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 28, 0, 24);
    contentLayout->setSpacing(0);

    auto *icon = new LetterBadge(content);
    icon->setObjectName(u"miniProgramIcon"_s);
    icon->setSide(56);
    icon->setName(miniProgramName);
    contentLayout->addWidget(icon, 0, Qt::AlignHCenter);
    contentLayout->addSpacing(10);
    QLabel *name = createLabel(miniProgramName, u"pageTitle"_s);
    name->setObjectName(u"miniProgramNameLabel"_s);
    name->setAlignment(Qt::AlignHCenter);
    name->setParent(content);
    contentLayout->addWidget(name);
    contentLayout->addSpacing(28);

    QLabel *section = createLabel(
        m_original.empty() ? tr("%1 has not asked for any permission yet.").arg(miniProgramName)
                           : tr("Allow %1 to").arg(miniProgramName),
        u"sectionCaption"_s);
    section->setObjectName(u"sectionLabel"_s);
    section->setParent(content);
    section->setContentsMargins(RowIndent, 0, RowIndent, 8);
    contentLayout->addWidget(section);

    if (!m_original.empty()) {
        auto *group = new QFrame(content);
        group->setObjectName(u"scopeGroup"_s);
        group->setProperty("role", u"group"_s);
        auto *groupLayout = new QVBoxLayout(group);
        groupLayout->setContentsMargins(0, 0, 0, 0);
        groupLayout->setSpacing(0);
        bool first = true;
        for (const auto &[scope, granted] : m_original) {
            if (!first) {
                QFrame *divider = createDivider();
                divider->setParent(group);
                auto *indent = new QHBoxLayout;
                indent->setContentsMargins(RowIndent, 0, 0, 0);
                indent->addWidget(divider);
                groupLayout->addLayout(indent);
            }
            first = false;
            groupLayout->addWidget(createScopeRow(scope, granted, group));
        }
        contentLayout->addWidget(group);
        contentLayout->addSpacing(8);
        QLabel *footer = createLabel(tr("Changes apply when you tap Done."), u"caption"_s);
        footer->setParent(content);
        footer->setContentsMargins(RowIndent, 0, RowIndent, 0);
        contentLayout->addWidget(footer);
    }
    contentLayout->addStretch(1);
    scroll->setWidget(content);
    layout->addWidget(scroll, 1);
}

SettingsOverlay::~SettingsOverlay()
{
    settle(m_answer, originalSwitches());
}

core::SettingsAnswer SettingsOverlay::currentSwitches() const
{
    core::SettingsAnswer switches;
    for (const auto &[scope, toggle] : m_switches)
        switches.authSetting[scope] = toggle->isChecked();
    return switches;
}

core::SettingsAnswer SettingsOverlay::originalSwitches() const
{
    return core::SettingsAnswer{m_original};
}

bool SettingsOverlay::answer(const core::SettingsAnswer &answer)
{
    return deliver(m_answer, answer);
}

void SettingsOverlay::deliverPrimary()
{
    answer(currentSwitches());
}

void SettingsOverlay::deliverSecondary()
{
    answer(originalSwitches());
}

QWidget *SettingsOverlay::createNavigationBar()
{
    auto *bar = new QFrame(card());
    bar->setObjectName(u"navigationBar"_s);
    bar->setProperty("role", u"navigationBar"_s);
    bar->setFixedHeight(52);
    auto *layout = new QGridLayout(bar);
    layout->setContentsMargins(8, 0, 12, 0);
    layout->setHorizontalSpacing(0);

    QPushButton *cancel = createButton(tr("Cancel"), u"smallLink"_s);
    cancel->setObjectName(u"secondaryButton"_s);
    cancel->setParent(bar);
    connect(cancel, &QPushButton::clicked, this, [this] { answerSecondary(); });
    QLabel *title = createLabel(tr("Settings"), u"pageTitle"_s);
    title->setObjectName(u"titleLabel"_s);
    title->setParent(bar);
    title->setWordWrap(false);
    QPushButton *done = createButton(tr("Done"), u"smallPrimary"_s);
    done->setObjectName(u"primaryButton"_s);
    done->setParent(bar);
    connect(done, &QPushButton::clicked, this, [this] { answerPrimary(); });

    // Equal side columns keep the title centred whatever the buttons' widths.
    layout->addWidget(cancel, 0, 0, Qt::AlignLeft | Qt::AlignVCenter);
    layout->addWidget(title, 0, 1, Qt::AlignCenter);
    layout->addWidget(done, 0, 2, Qt::AlignRight | Qt::AlignVCenter);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(2, 1);
    return bar;
}

QWidget *SettingsOverlay::createScopeRow(const std::string &scope, bool granted, QWidget *parent)
{
    auto *row = new QWidget(parent);
    row->setObjectName(u"scopeRow"_s);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(RowIndent, 10, RowIndent, 10);
    layout->setSpacing(12);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    QLabel *title = createLabel(scopeTitle(scope), u""_s);
    title->setObjectName(u"scopeTitleLabel"_s);
    title->setParent(row);
    texts->addWidget(title);
    QLabel *name = createLabel(QString::fromStdString(scope), u"caption"_s);
    name->setParent(row);
    texts->addWidget(name);
    layout->addLayout(texts, 1);

    auto *toggle = new ToggleSwitch(row);
    toggle->setObjectName(u"scopeSwitch"_s);
    toggle->setProperty("scope", QString::fromStdString(scope));
    toggle->setAccessibleName(scopeTitle(scope));
    toggle->setChecked(granted);
    layout->addWidget(toggle, 0, Qt::AlignVCenter);
    m_switches.emplace_back(scope, toggle);
    return row;
}

} // namespace mpsim::app
