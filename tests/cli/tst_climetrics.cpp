#include "OpenMetricsParser.h"
#include "cli/Metrics.h"

#include <QJsonObject>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace arr;
using namespace arr::cli;

namespace {

Session session(
    const QString &id, SessionStatus status, const QString &size, qint64 elapsedSeconds, qint64 leaseSeconds)
{
    Session s;
    s.id = id;
    s.status = status;
    s.statusText = sessionStatusWireName(status);
    s.size = size;
    s.elapsed = TimeSpan::fromSeconds(elapsedSeconds);
    s.maxLease = TimeSpan::fromSeconds(leaseSeconds);
    return s;
}

// The samples named `name`, parsed.
QList<QJsonObject> samplesNamed(const OpenMetricsParse &parse, const QString &name)
{
    QList<QJsonObject> found;
    for (const QJsonValue &value : parse.samples) {
        if (value.toObject().value(u"name"_s).toString() == name)
            found.append(value.toObject());
    }
    return found;
}

} // namespace

// arrsm metrics' text, judged by prometheus_client's OpenMetrics parser.
class TestCliMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void familiesAndValues()
    {
        Pricing pricing;
        pricing.defaults.currency = u"EUR"_s;
        pricing.defaults.hourly = {{u"standard"_s, 2.5}};
        const QList<Session> sessions{session(u"s1"_s, SessionStatus::Ready, u"standard"_s, 600, 3600),
            session(u"s2"_s, SessionStatus::Ready, u"standard"_s, 60, 7200),
            session(u"s3"_s, SessionStatus::Ready, u"premium"_s, 0, 1800),
            session(u"s4"_s, SessionStatus::Stopped, u"standard"_s, 100, 3600)};
        const QByteArray text = openMetricsText({{u"acc"_s, u"acc"_s, sessions}}, pricing);
        QVERIFY(text.endsWith("# EOF\n"));
        const OpenMetricsParse parse = parseOpenMetrics(text);
        QVERIFY2(parse.ok, qPrintable(parse.error + u"\n"_s + QString::fromUtf8(text)));

        const QList<QJsonObject> counts = samplesNamed(parse, u"arrsm_sessions"_s);
        QCOMPARE(counts.size(), 3);
        for (const QJsonObject &sample : counts) {
            QCOMPARE(sample.value(u"type"_s).toString(), u"gauge"_s);
            const QJsonObject labels = sample.value(u"labels"_s).toObject();
            QCOMPARE(labels.value(u"account"_s).toString(), u"acc"_s);
            const QString key = labels.value(u"status"_s).toString() + u'/' + labels.value(u"size"_s).toString();
            const double expected = key == u"ready/standard"_s ? 2 : 1;
            QVERIFY2(key == u"ready/standard"_s || key == u"ready/premium"_s || key == u"stopped/standard"_s,
                qPrintable(key));
            QCOMPARE(sample.value(u"value"_s).toDouble(), expected);
        }

        // Only sessions with a lease left: the stopped one has none.
        const QList<QJsonObject> remaining = samplesNamed(parse, u"arrsm_session_remaining_lease_seconds"_s);
        QCOMPARE(remaining.size(), 3);
        QCOMPARE(remaining[0].value(u"unit"_s).toString(), u"seconds"_s);
        QCOMPARE(remaining[0].value(u"labels"_s).toObject().value(u"session_id"_s).toString(), u"s1"_s);
        QCOMPARE(remaining[0].value(u"value"_s).toDouble(), 3000.0);
        QCOMPARE(remaining[1].value(u"value"_s).toDouble(), 7140.0);

        QCOMPARE(samplesNamed(parse, u"arrsm_billed_hours_per_hour"_s).value(0).value(u"value"_s).toDouble(), 3.0);
        // Two priced standard sessions; the premium one has no price and is counted apart.
        const QList<QJsonObject> burn = samplesNamed(parse, u"arrsm_burn_rate_per_hour"_s);
        QCOMPARE(burn.size(), 1);
        QCOMPARE(burn[0].value(u"labels"_s).toObject().value(u"currency"_s).toString(), u"EUR"_s);
        QCOMPARE(burn[0].value(u"value"_s).toDouble(), 5.0);
        QCOMPARE(samplesNamed(parse, u"arrsm_unpriced_ready_sessions"_s).value(0).value(u"value"_s).toDouble(), 1.0);
    }

    void withoutPricesNoAmount()
    {
        const QByteArray text = openMetricsText(
            {{u"acc"_s, {}, {session(u"s1"_s, SessionStatus::Ready, u"standard"_s, 10, 60)}}, {u"empty"_s, {}, {}}},
            Pricing());
        const OpenMetricsParse parse = parseOpenMetrics(text);
        QVERIFY2(parse.ok, qPrintable(parse.error));
        QVERIFY(samplesNamed(parse, u"arrsm_burn_rate_per_hour"_s).isEmpty());
        QVERIFY(!text.contains("burn_rate"));
        const QList<QJsonObject> billed = samplesNamed(parse, u"arrsm_billed_hours_per_hour"_s);
        QCOMPARE(billed.size(), 2);
        QCOMPARE(billed[0].value(u"value"_s).toDouble(), 1.0);
        QCOMPARE(billed[1].value(u"labels"_s).toObject().value(u"account"_s).toString(), u"empty"_s);
        QCOMPARE(billed[1].value(u"value"_s).toDouble(), 0.0);
    }

    // Values in the shortest form that reads back the same, and OpenMetrics' own infinity.
    void numbersAreShortestAndInfinityIsSpelledRight()
    {
        Pricing pricing;
        pricing.defaults.currency = u"EUR"_s;
        pricing.defaults.hourly = {{u"standard"_s, 0.1}, {u"premium"_s, 0.2}};
        const QList<Session> sessions{session(u"s1"_s, SessionStatus::Ready, u"standard"_s, 0, 3600),
            session(u"s2"_s, SessionStatus::Ready, u"premium"_s, 0, 3600)};
        const QByteArray text = openMetricsText({{u"acc"_s, u"acc"_s, sessions}}, pricing);
        QVERIFY2(text.contains("arrsm_burn_rate_per_hour{account=\"acc\",currency=\"EUR\"} 0.30000000000000004\n"),
            text.constData());
        QVERIFY(!text.contains("0.10000000000000001"));

        // Two prices near the largest double add up to more than a double holds.
        const double huge = std::numeric_limits<double>::max() * 0.9;
        pricing.defaults.hourly = {{u"standard"_s, huge}, {u"premium"_s, huge}};
        const QByteArray infinite = openMetricsText({{u"acc"_s, u"acc"_s, sessions}}, pricing);
        QVERIFY2(infinite.contains("currency=\"EUR\"} +Inf\n"), infinite.constData());
        QVERIFY(!infinite.contains(" inf\n"));
        const OpenMetricsParse parse = parseOpenMetrics(infinite);
        QVERIFY2(parse.ok, qPrintable(parse.error));
        QCOMPARE(samplesNamed(parse, u"arrsm_burn_rate_per_hour"_s).value(0).value(u"value"_s).toString(), u"inf"_s);

        pricing.defaults.hourly = {{u"standard"_s, 0.1}};
        const QByteArray tenth = openMetricsText({{u"acc"_s, u"acc"_s, {sessions.first()}}}, pricing);
        QVERIFY2(tenth.contains("currency=\"EUR\"} 0.1\n"), tenth.constData());
    }

    // Whatever a service or a person put in a name comes back from a real parser as it was.
    void hostileLabelValuesAreEscaped()
    {
        const QString account = u"we\"ird\\acc\nname} x=\"1\""_s;
        const QString size = u"big\\\"\n"_s;
        Session s = session(u"id\"with\\quotes\nand} braces"_s, SessionStatus::Unknown, size, 1, 3600);
        s.statusText = u"Stalled\\\"\nnow"_s;
        Pricing pricing;
        pricing.defaults.currency = u"E\"U\\R"_s;
        pricing.defaults.hourly = {{u"standard"_s, 1.0}};
        const QByteArray text = openMetricsText({{account, {}, {s}}}, pricing);
        QCOMPARE(openMetricsLabelValue(u"a\\b\"c\nd"_s), u"a\\\\b\\\"c\\nd"_s);
        // No raw line feed inside a sample: every line is one sample or one comment.
        for (const QByteArray &line : text.split('\n'))
            QVERIFY2(line.isEmpty() || line.startsWith('#') || line.startsWith("arrsm_"), line.constData());
        const OpenMetricsParse parse = parseOpenMetrics(text);
        QVERIFY2(parse.ok, qPrintable(parse.error + u"\n"_s + QString::fromUtf8(text)));
        const QJsonObject labels = samplesNamed(parse, u"arrsm_sessions"_s).value(0).value(u"labels"_s).toObject();
        QCOMPARE(labels.value(u"account"_s).toString(), account);
        QCOMPARE(labels.value(u"size"_s).toString(), size);
        QCOMPARE(labels.value(u"status"_s).toString(), u"stalled\\\"\nnow"_s);
        const QJsonObject lease
            = samplesNamed(parse, u"arrsm_session_remaining_lease_seconds"_s).value(0).value(u"labels"_s).toObject();
        QCOMPARE(lease.value(u"session_id"_s).toString(), s.id);
        QCOMPARE(samplesNamed(parse, u"arrsm_burn_rate_per_hour"_s)
                     .value(0)
                     .value(u"labels"_s)
                     .toObject()
                     .value(u"currency"_s)
                     .toString(),
            u"E\"U\\R"_s);
    }

    void brokenTextIsRejectedByTheParser()
    {
        // The judge must be able to say no: text without "# EOF" is not OpenMetrics.
        const OpenMetricsParse parse = parseOpenMetrics("# TYPE x gauge\nx 1\n");
        QVERIFY(!parse.ok);
        QVERIFY(!parse.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliMetrics)
#include "tst_climetrics.moc"
