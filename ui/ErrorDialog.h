#pragma once

#include "service/ApiResult.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ErrorDialog;
}

namespace arr {

// Shows a failed call the way support needs it: what was being done, the HTTP status, the service's
// own message and error code, and the MS-CV, each selectable, with buttons to copy the MS-CV or the
// whole description.
class ErrorDialog : public QDialog
{
    Q_OBJECT

public:
    ErrorDialog(const QString &title, const QString &context, const ApiResult &result, QWidget *parent = nullptr);
    ~ErrorDialog() override;

    // The text "Copy details" puts on the clipboard.
    QString supportText() const;
    static QString statusText(const ApiResult &result);

private:
    std::unique_ptr<Ui::ErrorDialog> m_ui;
    QString m_context;
    ApiResult m_result;
};

} // namespace arr
