#pragma once

#include <QTextEdit>

namespace arr {

// A long single-token value (a session id, a hostname, an MS-CV) shown whole: wrapped anywhere onto
// as many lines as the width needs, as tall as its text, selectable with mouse and keyboard, the
// full value also in the tooltip. Looks like the labels around it; Tab moves on rather than typing.
class WrappingValue : public QTextEdit
{
    Q_OBJECT

public:
    explicit WrappingValue(QWidget *parent = nullptr);

    void setValue(const QString &text);
    QString text() const { return m_text; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    void fitHeight();

    QString m_text;
};

} // namespace arr
