#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class AboutDialog;
}

namespace arr {

// Name, version (ARRSM_VERSION) and the Qt version the app runs on.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;

    static QString versionText();

private:
    std::unique_ptr<Ui::AboutDialog> m_ui;
};

} // namespace arr
