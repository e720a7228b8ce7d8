#include "common/ReadySession.h"
#include "core/Clock.h"
#include "monitor/LiveBilledTime.h"
#include "monitor/LiveSessions.h"
#include "storage/AccountStore.h"
#include "storage/HistoryStore.h"
#include "storage/Settings.h"
#include "workspace/AlertsGivenElsewhere.h"
#include "workspace/BudgetWatch.h"
#include "workspace/HistoryRecorder.h"
#include "workspace/HistoryRecording.h"

#include <QCoreApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace arr;

namespace {

const QString OpsId = u"5b0c7f1e-2d3a-4c5b-8e9f-0a1b2c3d4e5f"_s;
const QString QuietId = u"9e8d7c6b-5a49-4837-a625-14f3e2d1c0b9"_s;
const QString NotWatchedId = u"1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9"_s;
const QUrl Endpoint(u"http://127.0.0.1:1"_s);

// Local noon, so that "today" has twelve hours before and after.
const QDateTime Noon = QDateTime(QDate(2026, 3, 14), QTime(12, 0)).toUTC();

const HistoryActor Watcher{u"ops"_s, u"server-1"_s, u"arrsm watch"_s, u"0.1.0"_s};
const HistoryActor Window{u"alice"_s, u"laptop-7"_s, u"ARR Session Manager"_s, u"0.1.0"_s};

} // namespace

// Which alerts a window shows of those other programs recorded: today's budget alerts of the accounts it
// watches, each once, never one it gave itself, and one shown counts as given so that the window's own
// budget watch does not give it again. A watcher (another recorder on the same file, as arrsm watch
// writes it) gives the alerts; the window's recorder, budget watch and AlertsGivenElsewhere read them.
class TestAlertsGivenElsewhere : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_file = m_dir->filePath(u"history.sqlite"_s);
        m_clock = std::make_unique<ManualClock>(Noon);
        m_accountSettings = std::make_unique<QSettings>(m_dir->filePath(u"accounts.ini"_s), QSettings::IniFormat);
        m_accounts = std::make_unique<AccountStore>(m_accountSettings.get());
        // Ops has a budget of one billed hour; Quiet is watched without one; the third account is
        // saved but switched off: this window does not watch it.
        QVERIFY(save(account(u"Ops"_s, OpsId, 1.0, true)));
        QVERIFY(save(account(u"Quiet"_s, QuietId, 0, true)));
        QVERIFY(save(account(u"Off"_s, NotWatchedId, 1.0, false)));
        m_settings = std::make_unique<Settings>(m_dir->filePath(u"settings.ini"_s));
        m_sessions = std::make_unique<LiveSessions>(m_clock.get());
        m_billed = std::make_unique<LiveBilledTime>(m_sessions.get());
        m_windowRecording.setActor(Window);
        m_watcherRecording.setActor(Watcher);
        for (HistoryRecording *recording : {&m_windowRecording, &m_watcherRecording}) {
            recording->setIdentityLookup([this](const QString &name) {
                for (const Account &a : m_accounts->accounts()) {
                    if (a.name == name)
                        return a.identity();
                }
                return name;
            });
        }
        m_watcher = openRecorder(m_watcherRecording);
        m_window = openRecorder(m_windowRecording);
        QVERIFY(m_watcher && m_window);
        m_budgets = std::make_unique<BudgetWatch>(
            m_accounts.get(), m_sessions.get(), m_billed.get(), m_settings.get(), m_clock.get());
        // As the workspace wires it: what the window's budget watch gives goes into the history.
        connect(m_budgets.get(), &BudgetWatch::notify, m_window.get(), &HistoryRecorder::recordAlert);
        connect(m_budgets.get(), &BudgetWatch::notify, this,
            [this](const SessionNotification &alert) { m_ownAlerts.append(alert); });
        m_elsewhere
            = std::make_unique<AlertsGivenElsewhere>(m_window.get(), m_budgets.get(), m_accounts.get(), m_clock.get());
        connect(m_elsewhere.get(), &AlertsGivenElsewhere::given, this,
            [this](const HistoryAlert &alert) { m_shown.append(alert); });
    }

    void cleanup()
    {
        m_elsewhere.reset();
        m_budgets.reset();
        m_window.reset();
        m_watcher.reset();
        m_billed.reset();
        m_sessions.reset();
        m_settings.reset();
        m_accounts.reset();
        m_accountSettings.reset();
        m_dir.reset();
        m_shown.clear();
        m_ownAlerts.clear();
    }

    // The watcher's budget warning for Ops is shown once, with who gave it and when; its session alert,
    // its alert for an account this window does not watch, and yesterday's are not.
    void aBudgetAlertAnotherProgramGaveIsShownOnce()
    {
        const QDateTime morning = Noon.addSecs(-2 * 3600);
        giveAsWatcher(SessionNotification::Kind::BudgetWarning, u"Ops"_s, morning.addDays(-1));
        giveAsWatcher(SessionNotification::Kind::BudgetWarning, u"Ops"_s, morning);
        giveAsWatcher(SessionNotification::Kind::LongRunning, u"Ops"_s, morning, u"s1"_s);
        giveAsWatcher(SessionNotification::Kind::BudgetWarning, u"Off"_s, morning);
        m_elsewhere->start();
        QVERIFY(nextRead());
        QCOMPARE(m_shown.size(), 1);
        const HistoryAlert &shown = m_shown.constFirst();
        QCOMPARE(shown.kind, u"budget-warning"_s);
        QCOMPARE(shown.account, u"Ops"_s);
        QCOMPARE(shown.accountKey, accountIdentity(Endpoint, OpsId));
        QCOMPARE(shown.actor, Watcher);
        QCOMPARE(shown.at, morning);
        QVERIFY(shown.sessionId.isEmpty());

        // Read again after every write of the window's recorder: still shown once.
        giveAsWatcher(SessionNotification::Kind::BudgetWarning, u"Quiet"_s, Noon);
        m_window->recordAlert({SessionNotification::Kind::KeepAliveEnded, u"Quiet"_s, u"s9"_s, u"ended"_s});
        QVERIFY(nextRead());
        QCOMPARE(m_shown.size(), 2);
        QCOMPARE(m_shown.at(1).account, u"Quiet"_s);

        // The window's own budget watch, at 80 % of Ops's budget now, does not give the warning again;
        // the whole budget it does give (nobody else has).
        poll(u"Ops"_s, {readyFor(u"s1"_s, 50)});
        m_budgets->check();
        QVERIFY(m_ownAlerts.isEmpty());
        poll(u"Ops"_s, {readyFor(u"s1"_s, 61)});
        m_budgets->check();
        QCOMPARE(m_ownAlerts.size(), 1);
        QCOMPARE(m_ownAlerts.constFirst().kind, SessionNotification::Kind::BudgetReached);
    }

    // An alert this window gave is not shown again from the history, also when another program's
    // record of it came first (the recorder keeps the first).
    void anAlertThisWindowGaveIsNotRepeated()
    {
        poll(u"Ops"_s, {readyFor(u"s1"_s, 50)});
        m_budgets->check();
        QCOMPARE(m_ownAlerts.size(), 1);
        m_window->flush();
        // The watcher was first with the whole budget; the window gives it a moment later, itself.
        giveAsWatcher(SessionNotification::Kind::BudgetReached, u"Ops"_s, Noon.addSecs(60));
        poll(u"Ops"_s, {readyFor(u"s1"_s, 61)});
        m_budgets->check();
        QCOMPARE(m_ownAlerts.size(), 2);
        m_elsewhere->start();
        QVERIFY(nextRead());
        QVERIFY2(m_shown.isEmpty(), qPrintable(m_shown.isEmpty() ? QString() : m_shown.constFirst().kind));
        // The history holds each once, the whole budget as the watcher's.
        HistoryStore reader(m_file);
        QCOMPARE(reader.open(), HistoryStore::OpenResult::Opened);
        HistoryAlertQuery query;
        query.accountsOnly = true;
        const QList<HistoryAlert> recorded = reader.alerts(query);
        QCOMPARE(recorded.size(), 2);
        QCOMPARE(recorded.at(0).actor, Window);
        QCOMPARE(recorded.at(1).actor, Watcher);
    }

    // The next day starts afresh: the watcher's warning of the new day is shown.
    void aNewDayIsReadAnew()
    {
        giveAsWatcher(SessionNotification::Kind::BudgetWarning, u"Ops"_s, Noon);
        m_elsewhere->start();
        QVERIFY(nextRead());
        QCOMPARE(m_shown.size(), 1);
        m_clock->advance(24 * 3600'000);
        giveAsWatcher(SessionNotification::Kind::BudgetWarning, u"Ops"_s, m_clock->now());
        m_elsewhere->refresh();
        QVERIFY(nextRead());
        QCOMPARE(m_shown.size(), 2);
        QCOMPARE(m_shown.at(1).at, m_clock->now().toUTC());
    }

private:
    static Account account(const QString &name, const QString &id, double dailyBudget, bool enabled)
    {
        Account account;
        account.name = name;
        account.accountId = id;
        account.endpoint = Endpoint;
        account.tokenEndpoint = account.endpoint;
        account.dailyBudget = dailyBudget;
        account.enabled = enabled;
        return account;
    }

    bool save(const Account &account)
    {
        const QString problem = m_accounts->save(account);
        if (!problem.isEmpty())
            qWarning("%s", qPrintable(problem));
        return problem.isEmpty();
    }

    std::unique_ptr<HistoryRecorder> openRecorder(HistoryRecording &recording)
    {
        auto recorder = std::make_unique<HistoryRecorder>(m_sessions.get(), m_clock.get());
        recorder->setRecording(&recording);
        recorder->setAccounts(m_accounts->accounts());
        recorder->open(m_file, 400);
        recorder->flush();
        QCoreApplication::sendPostedEvents(recorder.get(), QEvent::MetaCall);
        if (!recorder->isEnabled() || !recorder->problem().isEmpty()) {
            qWarning("%s", qPrintable(recorder->problem()));
            return nullptr;
        }
        return recorder;
    }

    // The watcher gives an alert at `at`, on disk before this returns.
    void giveAsWatcher(
        SessionNotification::Kind kind, const QString &account, const QDateTime &at, const QString &sessionId = {})
    {
        const QDateTime now = m_clock->now();
        m_clock->setWallTime(at);
        m_watcher->recordAlert({kind, account, sessionId, u"%1 has spent much of its budget."_s.arg(account)});
        m_watcher->flush();
        m_clock->setWallTime(now);
    }

    // Waits for the window's recorder to report what the history holds now (after the last write).
    bool nextRead()
    {
        QSignalSpy read(m_window.get(), &HistoryRecorder::alertsRead);
        m_window->flush();
        return read.wait(5000);
    }

    void poll(const QString &account, const QList<Session> &sessions)
    {
        m_sessions->applyPoll(account, sessions, m_clock->monotonicMs());
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_file;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<QSettings> m_accountSettings;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<LiveSessions> m_sessions;
    std::unique_ptr<LiveBilledTime> m_billed;
    HistoryRecording m_windowRecording;
    HistoryRecording m_watcherRecording;
    std::unique_ptr<HistoryRecorder> m_watcher;
    std::unique_ptr<HistoryRecorder> m_window;
    std::unique_ptr<BudgetWatch> m_budgets;
    std::unique_ptr<AlertsGivenElsewhere> m_elsewhere;
    QList<HistoryAlert> m_shown;
    QList<SessionNotification> m_ownAlerts;
};

QTEST_GUILESS_MAIN(TestAlertsGivenElsewhere)
#include "tst_alertsgivenelsewhere.moc"
