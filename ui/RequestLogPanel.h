#pragma once

#include <QWidget>

class QCheckBox;
class QPushButton;
class QTableView;

namespace arr {

class RequestLog;
class RequestLogFilter;
class RequestLogModel;

// The content of the request-log dock: every request the app made, an errors-only switch, and a
// way to copy rows (as tab-separated lines) for a support ticket. Keeps to the newest row while the
// user has not scrolled away from it.
class RequestLogPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RequestLogPanel(RequestLog *log, QWidget *parent = nullptr);

    void setErrorsOnly(bool errorsOnly);
    bool errorsOnly() const;
    // The selected rows as lines (RequestLogEntry::toLine), oldest first.
    QString selectedLines() const;
    void copySelection() const;

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

Q_SIGNALS:
    void errorsOnlyChanged(bool errorsOnly);

private:
    void setUpView();
    // Each column as wide as its typical content, and never narrower than its title.
    void setColumnWidths();
    void updateButtons();

    RequestLog *m_log;
    RequestLogModel *m_model;
    RequestLogFilter *m_filter;
    QTableView *m_view;
    QCheckBox *m_errorsOnly;
    QPushButton *m_copy;
    QPushButton *m_clear;
    bool m_followNewest = true;
};

} // namespace arr
