#include "profile/loginpage.h"

#include "widgets/formfields.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace mpsim::mockpanel {

namespace {

QWidget *row(QWidget *parent, std::initializer_list<QWidget *> widgets)
{
    auto *box = new QWidget(parent);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *widget : widgets)
        layout->addWidget(widget);
    layout->addStretch(1);
    return box;
}

} // namespace

LoginPage::LoginPage(WorkingScenario &model, QWidget *parent)
    : ProfileSectionPage(model, u"login"_s, tr("Login"),
                         tr("What wx.login and wx.checkSession answer when the host app answers "
                            "them (apiVersion v1)."),
                         parent)
    , m_apiVersion(choiceCombo(this, {{tr("Project setting"), QString()},
                                      {tr("v1: the host app answers"), u"v1"_s},
                                      {tr("v2: built-in code exchange"), u"v2"_s}}))
    , m_apiVersionNote(hintLabel({}, this))
    , m_succeed(new QRadioButton(tr("Success"), this))
    , m_fail(new QRadioButton(tr("Fail"), this))
    , m_autoCode(new QRadioButton(tr("Automatic"), this))
    , m_fixedCode(new QRadioButton(tr("Fixed:"), this))
    , m_code(new QLineEdit(this))
    , m_errno(new QSpinBox(this))
    , m_errMsg(new QLineEdit(this))
    , m_lifetime(new QSpinBox(this))
    , m_checkSession(choiceCombo(this, {{tr("Valid until the session expires"), u"auto"_s},
                                        {tr("Always valid"), u"valid"_s},
                                        {tr("Always expired"), u"expired"_s}}))
    , m_appSecret(new QLineEdit(this))
{
    m_apiVersion->setObjectName(u"apiVersionCombo"_s);
    m_succeed->setObjectName(u"loginSucceed"_s);
    m_fail->setObjectName(u"loginFail"_s);
    m_autoCode->setObjectName(u"loginAutoCode"_s);
    m_fixedCode->setObjectName(u"loginFixedCode"_s);
    m_code->setObjectName(u"loginCode"_s);
    m_errno->setObjectName(u"loginErrno"_s);
    m_errMsg->setObjectName(u"loginErrMsg"_s);
    m_lifetime->setObjectName(u"sessionLifetime"_s);
    m_checkSession->setObjectName(u"checkSessionCombo"_s);
    m_appSecret->setObjectName(u"appSecret"_s);

    auto *result = new QButtonGroup(this);
    result->addButton(m_succeed);
    result->addButton(m_fail);
    auto *codeKind = new QButtonGroup(this);
    codeKind->addButton(m_autoCode);
    codeKind->addButton(m_fixedCode);
    m_code->setPlaceholderText(tr("the code login returns"));
    m_errno->setRange(1, 99'999'999);
    m_errMsg->setPlaceholderText(tr("reason"));
    m_lifetime->setRange(1, 366 * 86400);
    m_lifetime->setSuffix(tr(" s"));
    m_appSecret->setPlaceholderText(tr("not checked"));

    form()->addRow(tr("apiVersion:"), m_apiVersion);
    form()->addRow(QString(), m_apiVersionNote);
    form()->addRow(tr("Result:"), row(this, {m_succeed, m_fail}));
    form()->addRow(tr("Code:"), row(this, {m_autoCode, m_fixedCode, m_code}));
    form()->addRow(tr("errno:"), m_errno);
    form()->addRow(tr("errMsg:"), m_errMsg);
    form()->addRow(QString(), hintLabel(tr("A failed login answers errMsg \"login:fail <errMsg>\"."), this));
    form()->addRow(tr("Session lifetime:"), m_lifetime);
    form()->addRow(tr("checkSession (v1):"), m_checkSession);
    form()->addRow(tr("App secret (v2):"), m_appSecret);
    form()->addRow(QString(), hintLabel(tr("When set, the jscode2session endpoint rejects another "
                                           "secret (errcode 40125)."),
                                        this));

    connect(m_apiVersion, &QComboBox::activated, this,
            [this] { emit apiVersionChosen(comboValue(m_apiVersion)); });
    connect(m_succeed, &QRadioButton::clicked, this, [this] {
        editProfile(tr("result"), u"result"_s, [](core::HostProfile &p) { p.login.succeed = true; });
    });
    connect(m_fail, &QRadioButton::clicked, this, [this] {
        editProfile(tr("result"), u"result"_s, [](core::HostProfile &p) { p.login.succeed = false; });
    });
    connect(m_autoCode, &QRadioButton::clicked, this, [this] {
        editProfile(tr("code"), u"code"_s, [](core::HostProfile &p) { p.login.fixedCode.clear(); });
    });
    connect(m_fixedCode, &QRadioButton::clicked, this, [this] {
        m_code->setEnabled(true);
        m_code->setFocus();
        if (!m_code->text().isEmpty()) {
            editProfile(tr("code"), u"code"_s,
                        [this](core::HostProfile &p) { p.login.fixedCode = m_code->text().toStdString(); });
        }
    });
    connect(m_code, &QLineEdit::textEdited, this, [this](const QString &text) {
        editProfile(tr("code"), u"code"_s,
                    [&](core::HostProfile &p) { p.login.fixedCode = text.toStdString(); });
    });
    connect(m_errno, &QSpinBox::valueChanged, this, [this](int value) {
        editProfile(tr("errno"), u"errno"_s, [&](core::HostProfile &p) { p.login.failErrno = value; });
    });
    connect(m_errMsg, &QLineEdit::textEdited, this, [this](const QString &text) {
        editProfile(tr("errMsg"), u"errMsg"_s,
                    [&](core::HostProfile &p) { p.login.failReason = text.toStdString(); });
    });
    connect(m_lifetime, &QSpinBox::valueChanged, this, [this](int value) {
        editProfile(tr("session lifetime"), u"sessionLifetimeSeconds"_s,
                    [&](core::HostProfile &p) { p.login.sessionLifetimeSeconds = value; });
    });
    connect(m_checkSession, &QComboBox::activated, this, [this] {
        const QString value = comboValue(m_checkSession);
        editProfile(tr("checkSession"), u"checkSession"_s, [&](core::HostProfile &p) {
            p.login.checkSession = value == u"valid"_s     ? core::CheckSessionPolicy::Valid
                                   : value == u"expired"_s ? core::CheckSessionPolicy::Expired
                                                           : core::CheckSessionPolicy::Auto;
        });
    });
    connect(m_appSecret, &QLineEdit::textEdited, this, [this](const QString &text) {
        editProfile(tr("app secret"), u"appSecret"_s,
                    [&](core::HostProfile &p) { p.login.appSecret = text.toStdString(); });
    });
    showApiVersion({}, u"v2"_s);
    refresh();
}

void LoginPage::showApiVersion(const QString &choice, const QString &effective)
{
    showComboValue(m_apiVersion, choice);
    m_apiVersionNote->setText(effective == u"v1"_s
                                  ? tr("In force: v1. The host app answers login with the values below.")
                                  : tr("In force: v2. mpsim issues codes itself; your backend "
                                       "exchanges them at the local jscode2session endpoint."));
}

void LoginPage::showProfile(const core::HostProfile &profile)
{
    const core::LoginProfile &login = profile.login;
    showChecked(m_succeed, login.succeed);
    showChecked(m_fail, !login.succeed);
    const bool fixed = !login.fixedCode.empty();
    // "Fixed" with an empty field is a choice being made: keep it until typed.
    if (fixed || !m_fixedCode->isChecked() || !m_code->hasFocus()) {
        showChecked(m_autoCode, !fixed);
        showChecked(m_fixedCode, fixed);
        showText(m_code, QString::fromStdString(login.fixedCode));
    }
    m_code->setEnabled(login.succeed && m_fixedCode->isChecked());
    m_autoCode->setEnabled(login.succeed);
    m_fixedCode->setEnabled(login.succeed);
    showValue(m_errno, login.failErrno);
    showText(m_errMsg, QString::fromStdString(login.failReason));
    m_errno->setEnabled(!login.succeed);
    m_errMsg->setEnabled(!login.succeed);
    showValue(m_lifetime, login.sessionLifetimeSeconds);
    showComboValue(m_checkSession,
                   login.checkSession == core::CheckSessionPolicy::Valid     ? u"valid"_s
                   : login.checkSession == core::CheckSessionPolicy::Expired ? u"expired"_s
                                                                             : u"auto"_s);
    showText(m_appSecret, QString::fromStdString(login.appSecret));
}

} // namespace mpsim::mockpanel
