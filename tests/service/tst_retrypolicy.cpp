#include "service/RetryPolicy.h"

#include <QDateTime>
#include <QTest>

using namespace std::chrono_literals;

// Which failures are repeated, after how long, and that a create never is.
class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createIsNeverRepeated();
    void transientFailuresOfSafeMethods();
    void permanentFailuresAreNotRepeated();
    void backoffGrowsAndIsCapped();
    void jitterStaysWithinBounds();
    void honoursRetryAfter();
    void parsesRetryAfter();
};

void TestRetryPolicy::createIsNeverRepeated()
{
    const arr::RetryPolicy policy;
    QVERIFY(!policy.delayBeforeRetry("POST", 1, QNetworkReply::NoError, 503, std::nullopt));
    QVERIFY(!policy.delayBeforeRetry("POST", 1, QNetworkReply::RemoteHostClosedError, 0, std::nullopt));
    QVERIFY(!policy.delayBeforeRetry("POST", 1, QNetworkReply::NoError, 429, 1s));
    QVERIFY(!policy.delayBeforeRetry("POST", 1, QNetworkReply::ContentReSendError, 0, std::nullopt));
}

void TestRetryPolicy::transientFailuresOfSafeMethods()
{
    const arr::RetryPolicy policy;
    // A GA create (PUT) names its session, so that a repeat answers with the same one.
    for (const QByteArray &method : {QByteArray("GET"), QByteArray("PATCH"), QByteArray("DELETE"), QByteArray("PUT")}) {
        QVERIFY(policy.delayBeforeRetry(method, 1, QNetworkReply::NoError, 500, std::nullopt));
        QVERIFY(policy.delayBeforeRetry(method, 1, QNetworkReply::NoError, 503, std::nullopt));
        QVERIFY(policy.delayBeforeRetry(method, 1, QNetworkReply::NoError, 429, std::nullopt));
        QVERIFY(policy.delayBeforeRetry(method, 1, QNetworkReply::RemoteHostClosedError, 0, std::nullopt));
        QVERIFY(policy.delayBeforeRetry(method, 1, QNetworkReply::TimeoutError, 0, std::nullopt));
        // A kept-alive connection closed before any answer: repeated here, since HttpCall never lets
        // Qt send a body again on its own.
        QVERIFY(policy.delayBeforeRetry(method, 1, QNetworkReply::ContentReSendError, 0, std::nullopt));
    }
    QVERIFY(!policy.delayBeforeRetry("GET", policy.maxAttempts, QNetworkReply::NoError, 500, std::nullopt));
}

void TestRetryPolicy::permanentFailuresAreNotRepeated()
{
    const arr::RetryPolicy policy;
    for (const int status : {400, 401, 403, 404, 409, 422})
        QVERIFY(!policy.delayBeforeRetry("GET", 1, QNetworkReply::NoError, status, std::nullopt));
    QVERIFY(!policy.delayBeforeRetry("GET", 1, QNetworkReply::SslHandshakeFailedError, 0, std::nullopt));
}

void TestRetryPolicy::backoffGrowsAndIsCapped()
{
    arr::RetryPolicy policy;
    policy.baseDelay = 100ms;
    policy.maxDelay = 1000ms;
    QCOMPARE(policy.backoff(1), 100ms);
    QCOMPARE(policy.backoff(2), 200ms);
    QCOMPARE(policy.backoff(4), 800ms);
    QCOMPARE(policy.backoff(5), 1000ms);
    QCOMPARE(policy.backoff(60), 1000ms);
}

void TestRetryPolicy::jitterStaysWithinBounds()
{
    arr::RetryPolicy policy;
    policy.baseDelay = 1000ms;
    policy.jitter = 0.2;
    policy.maxAttempts = 10;
    bool varied = false;
    std::chrono::milliseconds first{-1};
    for (int i = 0; i < 200; ++i) {
        const auto delay = policy.delayBeforeRetry("GET", 1, QNetworkReply::NoError, 500, std::nullopt).value();
        QVERIFY(delay >= 800ms && delay <= 1200ms);
        if (first.count() >= 0 && delay != first)
            varied = true;
        first = delay;
    }
    QVERIFY(varied);
}

void TestRetryPolicy::honoursRetryAfter()
{
    arr::RetryPolicy policy;
    policy.baseDelay = 100ms;
    QCOMPARE(policy.delayBeforeRetry("GET", 1, QNetworkReply::NoError, 429, 7s).value(), 7000ms);
    // A wait longer than the policy allows is not attempted: the caller is told instead.
    policy.maxRetryAfter = 60s;
    QVERIFY(!policy.delayBeforeRetry("GET", 1, QNetworkReply::NoError, 429, 3600s));
}

void TestRetryPolicy::parsesRetryAfter()
{
    const QDateTime now(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    QCOMPARE(arr::parseRetryAfter("5", now).value(), 5s);
    QCOMPARE(arr::parseRetryAfter(" 0 ", now).value(), 0s);
    QCOMPARE(arr::parseRetryAfter("Thu, 01 Jan 2026 12:00:30 GMT", now).value(), 30s);
    QVERIFY(!arr::parseRetryAfter("", now));
    QVERIFY(!arr::parseRetryAfter("-3", now));
    QVERIFY(!arr::parseRetryAfter("soon", now));
    QCOMPARE(
        arr::parseHttpDate("Thu, 09 May 2019 16:17:50 GMT"), QDateTime(QDate(2019, 5, 9), QTime(16, 17, 50), Qt::UTC));
    QVERIFY(!arr::parseHttpDate("yesterday").isValid());
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
