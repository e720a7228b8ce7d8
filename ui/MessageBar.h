#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace arr {

// A coloured strip across the top of the window for things the user must see without being
// interrupted: keys kept in memory only, demo mode, settings that could not be read, and (without a
// system tray) session notifications. Text is selectable; an optional action button and a close
// button.
class MessageBar : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Information, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    // A button after the text; `callback` runs when it is clicked. An empty text removes it.
    void setAction(const QString &text, std::function<void()> callback);
    void setClosable(bool closable);
    // A longer text behind a "Details" button, shown below the message in a box of bounded height
    // (a list of hundreds of accounts must not push the table off the screen). Empty removes it.
    void setDetails(const QString &details);

    QString text() const;
    Kind kind() const { return m_kind; }
    QString details() const;

Q_SIGNALS:
    void closed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyKind();

    Kind m_kind = Kind::Information;
    QLabel *m_icon;
    QLabel *m_text;
    QPlainTextEdit *m_details;
    QPushButton *m_detailsButton;
    QPushButton *m_action;
    QToolButton *m_close;
    std::function<void()> m_callback;
    bool m_applyingKind = false;
};

} // namespace arr
