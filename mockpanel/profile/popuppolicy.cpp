#include "profile/popuppolicy.h"

#include "widgets/formfields.h"

#include <QComboBox>

using namespace Qt::StringLiterals;

namespace mpsim::mockpanel {

QComboBox *popupPolicyCombo(QWidget *parent)
{
    return choiceCombo(parent, {{QComboBox::tr("Ask (show the popup)"), u"ask"_s},
                                {QComboBox::tr("Always allow"), u"allow"_s},
                                {QComboBox::tr("Always deny"), u"deny"_s}});
}

QString popupPolicyName(core::PopupPolicy policy)
{
    const std::string_view name = core::toString(policy);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

core::PopupPolicy popupPolicyOf(const QString &name)
{
    return name == u"allow"_s  ? core::PopupPolicy::Allow
           : name == u"deny"_s ? core::PopupPolicy::Deny
                               : core::PopupPolicy::Ask;
}

} // namespace mpsim::mockpanel
