#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class PreferencesDialog;
}

namespace arr {

class Settings;

// The app's preferences: poll interval, the remaining-lease thresholds (amber, red), how long before
// a lease ends to warn, and whether to notify at all. Writes to Settings on OK; the caller applies.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(Settings *settings, QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    QString problem() const { return m_problem; }
    void accept() override;

private:
    void validate();

    std::unique_ptr<Ui::PreferencesDialog> m_ui;
    Settings *m_settings;
    QString m_problem;
};

} // namespace arr
