#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace bs::ui {

// Loads the compiled translation (embedded under :/i18n) for a language: the system locale by
// default, or the one forced with --lang. English is the source language and always works.
class Translator {
public:
    // Returns the language actually in use ("en" or "ko").
    static QString install(QCoreApplication& app, const QString& forcedLanguage = {});
    static QStringList availableLanguages();
};

} // namespace bs::ui
