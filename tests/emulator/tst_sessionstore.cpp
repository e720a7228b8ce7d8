// The emulated service's rules for request bodies, without HTTP: it takes the same verdict as the
// client for every input of the validator's table, in its own words.
#include "core/Clock.h"
#include "core/RequestValidationTable.h"
#include "emulator/SessionStore.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using arr::TimeSpan;
using arr::emulator::SessionStore;

namespace {

const QString Account = u"01234567-89ab-cdef-0123-456789abcdef"_s;

} // namespace

class TestSessionStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameVerdictAsTheClient_data();
    void sameVerdictAsTheClient();
};

void TestSessionStore::sameVerdictAsTheClient_data()
{
    QTest::addColumn<int>("row");
    const QList<validation::Case> cases = validation::cases();
    for (int i = 0; i < cases.size(); ++i) {
        // Ids are the service's own; an unknown one is a 404 whatever its spelling.
        if (cases.at(i).field != validation::Field::SessionId)
            QTest::newRow(cases.at(i).name) << i;
    }
}

void TestSessionStore::sameVerdictAsTheClient()
{
    QFETCH(int, row);
    const validation::Case c = validation::cases().at(row);
    arr::ManualClock clock;
    SessionStore store(&clock);
    store.addAccount(Account, u"key"_s);

    // The body as the client encodes it: leases in the service's constant timespan form.
    QJsonObject body{{u"maxLeaseTime"_s, u"4:0:0"_s}, {u"size"_s, u"standard"_s}, {u"models"_s, QJsonArray()}};
    if (c.field == validation::Field::Lease || c.field == validation::Field::Extend) {
        const auto lease = TimeSpan::parseDuration(c.input);
        QVERIFY(lease);
        body[u"maxLeaseTime"_s] = c.field == validation::Field::Lease ? lease->toString() : c.current.toString();
    } else if (c.field == validation::Field::Size) {
        body[u"size"_s] = c.input;
    } else if (c.field == validation::Field::Model) {
        body[u"models"_s] = QJsonArray{c.input};
    }
    QString id;
    std::optional<arr::emulator::ApiError> refusal = store.create(Account, body, &id);
    if (c.field == validation::Field::Extend) {
        // QVERIFY2 builds its message before the check: read the refusal only when there is one.
        QVERIFY2(!refusal, refusal ? qPrintable(refusal->message) : "");
        refusal
            = store.update(Account, id, QJsonObject{{u"maxLeaseTime"_s, TimeSpan::parseDuration(c.input)->toString()}});
    }

    // The one refusal the client cannot foresee: a well-formed size the service does not offer.
    const bool offered = c.field != validation::Field::Size || arr::RequestValidator::knownSize(c.input);
    const bool accepted = c.check == arr::RequestCheck::Ok && offered;
    QVERIFY2(refusal.has_value() != accepted, refusal ? qPrintable(refusal->message) : "accepted");
    if (refusal) {
        QCOMPARE(refusal->status, 400);
        QVERIFY2(refusal->message.endsWith(u'.'), qPrintable(refusal->message));
    }
}

QTEST_GUILESS_MAIN(TestSessionStore)
#include "tst_sessionstore.moc"
