#include "OpenMetricsParser.h"

#include <QJsonDocument>
#include <QProcess>

using namespace Qt::StringLiterals;

OpenMetricsParse parseOpenMetrics(const QByteArray &text)
{
    OpenMetricsParse result;
    QProcess python;
    python.start(QStringLiteral(ARRSM_TEST_PYTHON), {QStringLiteral(ARRSM_OPENMETRICS_SCRIPT)});
    if (!python.waitForStarted(10'000)) {
        result.error = u"cannot run "_s + QStringLiteral(ARRSM_TEST_PYTHON) + u": "_s + python.errorString();
        return result;
    }
    python.write(text);
    python.closeWriteChannel();
    if (!python.waitForFinished(30'000)) {
        python.kill();
        python.waitForFinished();
        result.error = u"the parser did not finish"_s;
        return result;
    }
    const QByteArray out = python.readAllStandardOutput();
    if (python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
        result.error = QString::fromUtf8(python.readAllStandardError());
        return result;
    }
    result.samples = QJsonDocument::fromJson(out).array();
    result.ok = true;
    return result;
}
