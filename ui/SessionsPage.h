#pragma once

#include "core/TimeSpan.h"

#include <QList>
#include <QString>
#include <QWidget>

#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLayout;
class QLineEdit;
class QSplitter;
class QTableView;

namespace arr {

class Clock;
class DetailsPane;
class SessionColumns;
class SessionFilterProxy;
class SessionItemDelegate;
class SessionTableModel;
class Settings;
struct Session;

// A session as the user picked it: which account, which id.
struct SessionRef
{
    QString account;
    QString sessionId;
    bool operator==(const SessionRef &other) const { return account == other.account && sessionId == other.sessionId; }
};

// The window's page of sessions: the filter bar (text, status, "hide stopped/expired"), the table
// and the selected session's details. Says when what the commands act on may have changed; the
// one-second countdown reaches only the table's countdown cells and the details' remaining time.
class SessionsPage : public QWidget
{
    Q_OBJECT

public:
    SessionsPage(SessionTableModel *model, const Clock *clock, QWidget *parent = nullptr);
    ~SessionsPage() override;

    // The View menu's "Hide stopped and expired": the same choice as the filter bar's check box.
    QAction *hideFinishedAction() const { return m_hideFinishedAction; }
    // The columns: the View menu's Columns fills itself from them.
    SessionColumns *columns() const { return m_columns; }
    void focusFilter();

    // The sessions selected in the table, top to bottom, those whose status `accept` takes.
    QList<SessionRef> selectedSessions(bool (*accept)(int status) = nullptr) const;
    bool selectSession(const QString &account, const QString &sessionId);
    // The model's session for a reference, or null when it has gone.
    const Session *sessionFor(const SessionRef &ref) const;
    // Its lease left now, when known.
    std::optional<TimeSpan> remainingFor(const SessionRef &ref) const;

    // Columns, sort, splitter and filters.
    void restoreSettings(Settings *settings);
    void saveSettings(Settings *settings) const;

protected:
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    // The selection, or something about the selected rows other than their countdown, changed.
    void selectionChanged();
    // A right click on the table, at this global position (the row under it is selected first).
    void contextMenuRequested(const QPoint &globalPosition);
    // Something was put on the clipboard from the details ("Copied the hostname").
    void copied(const QString &what);

private:
    // The parts of the page, made and wired in this order by the constructor.
    QLayout *createFilterRow();
    void setUpTable();
    void connectFilters();
    void connectSelection();
    void showContextMenu(const QPoint &position);
    void onModelDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void updateDetails();
    void updateRemaining();
    void updateCount();

    SessionTableModel *m_model;
    const Clock *m_clock;
    SessionFilterProxy *m_proxy;
    SessionItemDelegate *m_delegate;
    QLineEdit *m_filterEdit;
    QComboBox *m_statusCombo;
    QCheckBox *m_hideFinished;
    QAction *m_hideFinishedAction;
    QLabel *m_countLabel;
    QTableView *m_view;
    DetailsPane *m_details;
    QSplitter *m_splitter;
    SessionColumns *m_columns;
    // The one session the details show, if any.
    SessionRef m_shown;
    bool m_focusGiven = false;
};

} // namespace arr
