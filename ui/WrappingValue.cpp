#include "ui/WrappingValue.h"

#include <QAbstractTextDocumentLayout>
#include <QTextDocument>

namespace arr {

WrappingValue::WrappingValue(QWidget *parent)
    : QTextEdit(parent)
{
    setReadOnly(true);
    setAcceptRichText(false);
    setTabChangesFocus(true);
    setFrameShape(QFrame::NoFrame);
    setLineWrapMode(QTextEdit::WidgetWidth);
    // Ids and hostnames have no spaces: they break where the width ends.
    setWordWrapMode(QTextOption::WrapAnywhere);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    document()->setDocumentMargin(0);
    viewport()->setAutoFillBackground(false);
    setStyleSheet({});
    QPalette palette = this->palette();
    palette.setColor(QPalette::Base, Qt::transparent);
    setPalette(palette);
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
        &WrappingValue::fitHeight);
    fitHeight();
}

void WrappingValue::setValue(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    setPlainText(text);
    setToolTip(text);
}

void WrappingValue::fitHeight()
{
    const int lines = qMax(1, int(document()->size().height() + 0.5));
    const int height = qMax(lines, fontMetrics().height()) + contentsMargins().top() + contentsMargins().bottom();
    if (height != this->height() || minimumHeight() != height)
        setFixedHeight(height);
}

QSize WrappingValue::sizeHint() const
{
    return {fontMetrics().averageCharWidth() * 20, height()};
}

QSize WrappingValue::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 4, fontMetrics().height()};
}

} // namespace arr
