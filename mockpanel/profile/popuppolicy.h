#pragma once

#include "host/hostprofile.h"

#include <QString>

class QComboBox;
class QWidget;

namespace mpsim::mockpanel {

// The choices of a host popup, as the pages offer them: ask the person at
// the screen, or answer Allow or Deny at once without a popup.
QComboBox *popupPolicyCombo(QWidget *parent);
QString popupPolicyName(core::PopupPolicy policy);
core::PopupPolicy popupPolicyOf(const QString &name);

} // namespace mpsim::mockpanel
