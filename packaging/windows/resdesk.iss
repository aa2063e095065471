; Inno Setup 6 recipe of the Windows installer, compiled by packaging/build.py after PyInstaller:
;   iscc /DAppVersion=0.1.0 /DSourceDir=dist\resdesk /Odist packaging\windows\resdesk.iss
; Per-user (no administrator rights): installs into %LOCALAPPDATA%\Programs\Resolution Desk, adds a
; Start menu entry and opens .resdesk documents with the windowed executable; the uninstaller
; removes all three.

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=X.Y.Z
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\resdesk"
#endif
#define AppName "Resolution Desk"
#define AppExe "Resolution Desk.exe"
#define ProgId "ResolutionDesk.Document"

[Setup]
; A fixed AppId, so that a newer version replaces the older one instead of installing beside it.
AppId={{6B0E6F43-2C1B-4F55-9E3A-5D2C8B7A1E94}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Resolution Desk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\{#AppExe}
OutputBaseFilename=ResolutionDesk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"

[Registry]
; HKA is HKEY_CURRENT_USER\Software\Classes in a per-user install: no administrator rights needed.
Root: HKA; Subkey: "Software\Classes\.resdesk\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.resdesk"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Resolution Desk document"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".resdesk"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
