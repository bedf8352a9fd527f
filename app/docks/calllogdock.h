#pragma once

#include <QDockWidget>
#include <QString>

class QCheckBox;
class QLineEdit;
class QPushButton;
class QTableView;

namespace mpsim::app {

class CallLogFilterModel;
class CallLogModel;
class HostServices;

// The Call log dock (objectName "callLogDock"): every settled wx call of the
// run with a text filter, a "Failures only" toggle, Ctrl+C to copy the
// selected rows as JSON, "Export..." and "Clear".
//
// Fed by HostServices::callSettled when constructed with a HostServices;
// without one (tests, a log fed by other means) append to model() directly.
class CallLogDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallLogDock)

public:
    // `host` may be null; otherwise it must outlive the dock's use of it (the
    // connection is dropped when either is destroyed).
    explicit CallLogDock(HostServices *host, QWidget *parent = nullptr);
    ~CallLogDock() override;

    CallLogModel *model() const { return m_model; }
    CallLogFilterModel *filterModel() const { return m_filter; }
    QTableView *view() const { return m_view; }

    // Puts the selected rows on the clipboard as JSON: one row as its
    // CallLogModel::rowJson object, several as an array in log order.
    // Does nothing when no row is selected.
    void copySelectedRows();

    // Writes CallLogModel::exportJson to `path` atomically (QSaveFile: an
    // existing file is replaced only by a complete export). On failure returns
    // false, keeps the reason in lastExportError(), emits exportFailed and
    // shows it in a non-blocking message box; nothing is thrown.
    bool exportToFile(const QString &path);
    QString lastExportError() const { return m_lastExportError; }

signals:
    // An export failed; `message` names the file and the reason.
    void exportFailed(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void chooseExportFile();

    CallLogModel *m_model;
    CallLogFilterModel *m_filter;
    QLineEdit *m_filterEdit;
    QCheckBox *m_failuresOnly;
    QPushButton *m_exportButton;
    QPushButton *m_clearButton;
    QTableView *m_view;
    QString m_lastExportError;
    bool m_followTail = true;
};

} // namespace mpsim::app
