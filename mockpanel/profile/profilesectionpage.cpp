#include "profile/profilesectionpage.h"

#include "scenario/workingscenario.h"
#include "widgets/jsoneditor.h"

#include <QFormLayout>
#include <QLabel>
#include <QEvent>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mpsim::mockpanel {

ProfileSectionPage::ProfileSectionPage(WorkingScenario &model, const QString &section,
                                       const QString &title, const QString &summary,
                                       QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_section(section)
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_formWidget(new QWidget)
    , m_form(new QFormLayout)
    , m_json(new JsonEditor(this))
{
    setObjectName(section + u"Page"_s);
    auto *heading = new QLabel(u"<b>%1</b>"_s.arg(title.toHtmlEscaped()), this);
    auto *description = new QLabel(summary, this);
    description->setWordWrap(true);
    description->setForegroundRole(QPalette::PlaceholderText);

    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->setContentsMargins(0, 0, 6, 0);
    // Rows keep their natural height; the space below them stays empty.
    auto *formColumn = new QVBoxLayout(m_formWidget);
    formColumn->setContentsMargins(0, 0, 0, 0);
    formColumn->addLayout(m_form);
    formColumn->addStretch(1);
    auto *scroll = new QScrollArea;
    scroll->setObjectName(u"formScroll"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_formWidget);

    m_json->setObjectName(section + u"Json"_s);
    m_json->setSubject(tr("%1 section").arg(section));
    m_json->setValidator([this](const nlohmann::json &value) { return validate(value); });
    m_json->setToolTip(tr("The \"%1\" part of the host profile as JSON. Edits apply when the "
                          "text is valid.")
                           .arg(section));
    connect(m_json, &JsonEditor::edited, this, [this](const QString &, const nlohmann::json &value) {
        nlohmann::json document = m_model.hostProfile().toJson();
        document[m_section.toStdString()] = value;
        auto profile = core::HostProfile::fromJson(document);
        if (!profile)
            return;
        m_editingFromJson = true;
        editProfile(tr("JSON"), u"json"_s,
                    [&](core::HostProfile &current) { current = profile.value(); });
        m_editingFromJson = false;
    });

    m_splitter->addWidget(scroll);
    m_splitter->addWidget(m_json);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->installEventFilter(this);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_userSized = true; });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(heading);
    layout->addWidget(description);
    layout->addWidget(m_splitter, 1);

    connect(&m_model, &WorkingScenario::changed, this, [this](WorkingScenario::Parts parts) {
        if (parts & WorkingScenario::Part::Profile)
            refresh();
    });
}

void ProfileSectionPage::editProfile(const QString &what, const QString &field,
                                     const std::function<void(core::HostProfile &)> &change)
{
    m_model.editProfile(tr("Edit %1: %2").arg(m_section, what), m_section + u'/' + field, change);
}

void ProfileSectionPage::refresh()
{
    const core::HostProfile &profile = m_model.hostProfile();
    showProfile(profile);
    // The text the user is typing stays as typed; everything else shows the model.
    if (!m_editingFromJson)
        m_json->setValue(profile.toJson().at(m_section.toStdString()));
}

std::optional<core::Error> ProfileSectionPage::validate(const nlohmann::json &value) const
{
    nlohmann::json document = m_model.hostProfile().toJson();
    document[m_section.toStdString()] = value;
    auto profile = core::HostProfile::fromJson(document);
    if (profile)
        return std::nullopt;
    core::Error error = profile.error();
    // Pointers are into the whole profile; this text is one section of it.
    const std::string prefix = "/" + m_section.toStdString();
    if (error.location.rfind(prefix, 0) == 0)
        error.location = error.location.substr(prefix.size());
    return error;
}

bool ProfileSectionPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_splitter && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
        fitSplitter();
    return QWidget::eventFilter(watched, event);
}

void ProfileSectionPage::fitSplitter()
{
    const Qt::Orientation orientation =
        m_splitter->width() >= SideBySideWidth ? Qt::Horizontal : Qt::Vertical;
    if (m_splitter->orientation() != orientation) {
        m_splitter->setOrientation(orientation);
        m_userSized = false;
    }
    if (m_userSized)
        return;
    if (orientation == Qt::Horizontal) {
        // The form as wide as it asks for (a table of templates does), within reason.
        const int total = m_splitter->width();
        const int form = qBound(total / 2, m_formWidget->sizeHint().width() + 24, total * 7 / 10);
        m_splitter->setSizes({form, total - form});
    } else {
        const int total = m_splitter->height();
        const int form = qMin(m_formWidget->sizeHint().height() + 4, total * 2 / 3);
        m_splitter->setSizes({form, total - form});
    }
}

} // namespace mpsim::mockpanel
