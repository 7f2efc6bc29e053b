; Inno Setup script: a per-user Windows installer from the PyInstaller bundle.
;   pyinstaller packaging\her2-companion.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\installer.iss
; The version comes from the command line (the workflow reads it from the built app).
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6C1E0E52-3A0B-4B8E-9E4F-2B7A1C9D4E11}
AppName=HER2 Companion
AppVersion={#AppVersion}
AppPublisher=HER2 Companion developers
DefaultDirName={autopf}\HER2 Companion
DefaultGroupName=HER2 Companion
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=her2-companion-{#AppVersion}-setup
SetupIconFile=her2-companion.ico
UninstallDisplayIcon={app}\her2-companion.exe
LicenseFile=..\..\LICENSE
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "..\..\dist\her2-companion\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\HER2 Companion"; Filename: "{app}\her2-companion.exe"
Name: "{autodesktop}\HER2 Companion"; Filename: "{app}\her2-companion.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\her2-companion.exe"; Description: "{cm:LaunchProgram,HER2 Companion}"; Flags: nowait postinstall skipifsilent
