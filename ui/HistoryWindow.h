#pragma once

#include "core/Account.h"
#include "core/Cost.h"
#include "storage/HistoryLocation.h"
#include "storage/HistoryRecords.h"
#include "ui/HistoryRangePicker.h"

#include <QDate>
#include <QTimer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLayout;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace arr {

class Clock;
class HistoryAlertsList;
class HistoryChart;
class HistoryEventsPane;
class HistoryReader;
class HistoryTableModel;
class MessageBar;

// The session history for people: the sessions of a date range (today, this week, this month or
// two dates), filtered by account, status and text, with the billed time and cost of the selection,
// a chart of it per day and account, each session's events on a double-click, the range's alerts (an
// account's budget among them, whichever program gave them) on a tab beside the sessions, and an
// export of the selection in the formats `arrsm history` writes. Reads through a HistoryReader, off
// the GUI thread: a team's database that is away, or a range of MaxRows sessions (the newest), never
// freezes it.
class HistoryWindow : public QWidget
{
    Q_OBJECT

public:
    using Range = HistoryRangePicker::Range;
    enum class ExportFormat { Csv, Json };
    // More rows than a person reads; the window says when a range holds more.
    static constexpr int MaxRows = 10'000;

    // `location` is the history's file or team database (Invalid, or a file with no path: there is none,
    // as in demo mode); `clock` says what "today" is (null for the system clock).
    HistoryWindow(const HistoryLocation &location, const Clock *clock, QWidget *parent = nullptr);
    ~HistoryWindow() override;

    // The currencies of the prices, for showing the recorded amounts (from the next refresh()).
    void setPricing(const Pricing &pricing);
    // The saved accounts: each session is shown under the current name of the account with its
    // identity (see HistoryStore::setAccounts()).
    void setAccounts(const QList<Account> &accounts);
    // What the app's recorder reported (history off, a damaged file replaced); empty when all is well.
    void setRecorderProblem(const QString &problem);
    // Reads the range (nothing is read before the first call) and shows it when the answer comes
    // (readFinished()); refreshSoon() does it a little later, once, if the window is visible (the
    // recorder writes after every poll).
    void refresh();
    void refreshSoon();

    void setRange(Range range);
    void setCustomRange(QDate first, QDate last);
    // The sessions shown, which the totals, the chart and the export cover; newest first.
    const QList<HistorySession> &selection() const { return m_selection; }
    // Writes the selection to `path`; false with a sentence in *error when it cannot.
    bool exportTo(const QString &path, ExportFormat format, QString *error) const;
    // With a team's database: offers to copy this computer's history into it (copyToTeamRequested()).
    void offerCopyToTeam(bool offer);
    // While a copy runs the offer waits; then what it did, or why it could not.
    void setCopying(bool copying);
    void showCopyResult(bool ok, const QString &text);

Q_SIGNALS:
    void copyToTeamRequested();
    // A read asked for by refresh() came back and is shown (or why it failed is).
    void readFinished();

private:
    // The bar above the table: a read that failed, the recorder's problem, or nothing.
    void updateProblemBar();
    void buildFilters(QWidget *bar);
    void buildTable();
    // The totals and the export buttons below the table (and the note of a capped read above them).
    QLayout *buildBottomRow();
    void applyFilters();
    void updateTotals();
    void showEvents(const QModelIndex &index);
    void onOpened(bool isOpen, const QString &problem);
    void onSessionsRead(
        int ticket, const QList<HistorySession> &sessions, const QList<HistoryAlert> &alerts, const QString &readError);
    void onEventsRead(int ticket, const QList<HistoryEvent> &events, const QString &readError);
    // The accounts of the range in the account filter, keeping the one chosen.
    void fillAccountFilter();
    void chooseExportFile(ExportFormat format);

    std::unique_ptr<HistoryReader> m_reader;
    // What opening the history said; until it has, nothing is known to be wrong.
    bool m_storeOpen = true;
    QString m_storeProblem;
    // The newest read of each kind: older answers are passed over.
    int m_sessionsTicket = 0;
    int m_eventsTicket = 0;
    HistorySession m_eventsOf;
    // A read that takes long enough to notice says so in the totals.
    QTimer m_readingNote;
    const Clock *m_clock;
    Pricing m_pricing;
    // The range as read (at most MaxRows), and what the filters keep of it.
    QList<HistorySession> m_read;
    QList<HistorySession> m_selection;
    bool m_capped = false;
    // Every alert of the range (oldest first), each account's own among them.
    QList<HistoryAlert> m_readAlerts;
    QTimer m_refreshTimer;

    MessageBar *m_problemBar = nullptr;
    QString m_recorderProblem;
    // Why the last read failed; nothing of it is shown.
    QString m_readError;
    MessageBar *m_messageBar = nullptr;
    QPushButton *m_copyToTeam = nullptr;
    HistoryRangePicker *m_range = nullptr;
    QComboBox *m_account = nullptr;
    QComboBox *m_status = nullptr;
    QLineEdit *m_text = nullptr;
    HistoryChart *m_chart = nullptr;
    HistoryTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    HistoryAlertsList *m_alerts = nullptr;
    QTabWidget *m_tabs = nullptr;
    HistoryEventsPane *m_eventsPane = nullptr;
    QLabel *m_totals = nullptr;
    QLabel *m_capNote = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportJson = nullptr;
};

} // namespace arr
