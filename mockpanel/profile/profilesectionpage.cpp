#include "profile/profilesectionpage.h"

#include "scenario/workingscenario.h"
#include "widgets/jsoneditor.h"
#include "widgets/responsivesplitter.h"

#include <QFormLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mpsim::mockpanel {

ProfileSectionPage::ProfileSectionPage(WorkingScenario &model, const QString &section,
                                       const QString &title, const QString &summary,
                                       QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_section(section)
    // The form as wide as it asks for (a table of templates does), within
    // reason, beside the JSON; above it, as high as it needs, up to two thirds.
    , m_splitter(new ResponsiveSplitter(SideBySideWidth, [this](Qt::Orientation orientation, int total) {
          return orientation == Qt::Horizontal
                     ? qBound(total / 2, m_formWidget->sizeHint().width() + 24, total * 7 / 10)
                     : qMin(m_formWidget->sizeHint().height() + 4, total * 2 / 3);
      }, this))
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

} // namespace mpsim::mockpanel
