#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QString>

// Parses OpenMetrics text with the Python prometheus_client parser (Debian python3-prometheus-client,
// run by /usr/bin/python3): a real parser, not ours, judges the output.
struct OpenMetricsParse
{
    bool ok = false;
    // Each sample: {family, type, unit, documentation, name, labels: {..}, value}.
    QJsonArray samples;
    // What went wrong: the parser's complaint, or why it could not be run.
    QString error;
};

OpenMetricsParse parseOpenMetrics(const QByteArray &text);
