#include "prompts/soteroverlay.h"

#include "prompts/biometricglyph.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mpsim::app {

namespace {

struct ModeText
{
    BiometricGlyph::Mode glyph;
    const char *title;
};

ModeText modeText(const std::string &authMode)
{
    if (authMode == "facial")
        return {BiometricGlyph::Mode::Face,
                QT_TRANSLATE_NOOP("mpsim::app::SoterOverlay", "Verify with face")};
    if (authMode == "speech")
        return {BiometricGlyph::Mode::Voice,
                QT_TRANSLATE_NOOP("mpsim::app::SoterOverlay", "Verify with voice")};
    return {BiometricGlyph::Mode::Fingerprint,
            QT_TRANSLATE_NOOP("mpsim::app::SoterOverlay", "Verify with fingerprint")};
}

} // namespace

SoterOverlay::SoterOverlay(const core::SoterPrompt &prompt, const QString &miniProgramName,
                           std::function<void(core::SoterAnswer)> answer, QWidget *screen)
    : PromptOverlay(PromptKind::Soter, Placement::CentredCard, miniProgramName, screen)
    , m_answer(std::move(answer))
{
    setObjectName(u"soterOverlay"_s);
    const ModeText mode = modeText(prompt.authMode);
    QVBoxLayout *layout = cardLayout();
    layout->addWidget(createHeader());
    layout->addSpacing(18);

    auto *glyph = new BiometricGlyph(card());
    glyph->setObjectName(u"biometricGlyph"_s);
    glyph->setMode(mode.glyph);
    layout->addWidget(glyph, 0, Qt::AlignHCenter);
    layout->addSpacing(12);

    QLabel *title = createLabel(tr(mode.title), u"title"_s);
    title->setObjectName(u"titleLabel"_s);
    title->setAlignment(Qt::AlignHCenter);
    layout->addWidget(title);
    layout->addSpacing(6);
    const QString content = QString::fromStdString(prompt.authContent);
    QLabel *contentLabel
        = createLabel(content.isEmpty() ? tr("Confirm that it is you") : content, u"detail"_s);
    contentLabel->setObjectName(u"authContentLabel"_s);
    contentLabel->setAlignment(Qt::AlignHCenter);
    layout->addWidget(contentLabel);
    layout->addSpacing(18);
    layout->addWidget(createDivider());
    layout->addSpacing(12);

    QLabel *simulate = createLabel(tr("No sensor in the simulator: pick the result"), u"caption"_s);
    simulate->setAlignment(Qt::AlignHCenter);
    layout->addWidget(simulate);
    layout->addSpacing(10);
    QPushButton *succeed = createButton(tr("Succeed"), u"primary"_s);
    succeed->setObjectName(u"primaryButton"_s);
    connect(succeed, &QPushButton::clicked, this, [this] { answerPrimary(); });
    layout->addWidget(succeed);
    layout->addSpacing(10);
    layout->addWidget(createFailRow());
    layout->addSpacing(4);
    QPushButton *cancel = createButton(tr("Cancel"), u"link"_s);
    cancel->setObjectName(u"secondaryButton"_s);
    connect(cancel, &QPushButton::clicked, this, [this] { answerSecondary(); });
    layout->addWidget(cancel);
    layout->setContentsMargins(20, 20, 20, 8);
}

SoterOverlay::~SoterOverlay()
{
    settle(m_answer, core::SoterAnswer{core::SoterAnswer::Outcome::Cancel, 90008});
}

QList<int> SoterOverlay::failureCodes()
{
    return {90009, 90010, 90007};
}

bool SoterOverlay::answer(const core::SoterAnswer &answer)
{
    return deliver(m_answer, answer);
}

void SoterOverlay::deliverPrimary()
{
    answer(core::SoterAnswer{core::SoterAnswer::Outcome::Succeed, 0});
}

void SoterOverlay::deliverSecondary()
{
    answer(core::SoterAnswer{core::SoterAnswer::Outcome::Cancel, 90008});
}

QWidget *SoterOverlay::createFailRow()
{
    auto *row = new QWidget(card());
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);

    QPushButton *fail = createButton(tr("Fail"), u"secondary"_s);
    fail->setObjectName(u"failButton"_s);
    layout->addWidget(fail);

    m_errCodeCombo = new QComboBox(row);
    m_errCodeCombo->setObjectName(u"errCodeCombo"_s);
    m_errCodeCombo->setFocusPolicy(Qt::TabFocus);
    // The platform style draws it (with its arrow); only its height matches the button.
    m_errCodeCombo->setMinimumHeight(44);
    const QList<int> codes = failureCodes();
    // Short labels fit the card; the tooltip gives the whole meaning.
    const QStringList names{tr("not recognised"), tr("too many tries"), tr("internal error")};
    const QStringList meanings{tr("Recognition failed"), tr("Too many failed attempts"),
                               tr("Internal error")};
    for (qsizetype i = 0; i < codes.size(); ++i) {
        m_errCodeCombo->addItem(u"%1 %2"_s.arg(codes[i]).arg(names.value(i)), codes[i]);
        m_errCodeCombo->setItemData(int(i), meanings.value(i), Qt::ToolTipRole);
    }
    m_errCodeCombo->setToolTip(tr("The errCode the failure reports"));
    layout->addWidget(m_errCodeCombo, 1);

    connect(fail, &QPushButton::clicked, this, [this] {
        answer(core::SoterAnswer{core::SoterAnswer::Outcome::Fail,
                                 m_errCodeCombo->currentData().toInt()});
    });
    return row;
}

} // namespace mpsim::app
