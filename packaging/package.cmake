# The Debian package (issue 15): `cpack -G DEB` in the release build folder writes
# formpipe_VERSION_amd64.deb with the program in /usr/bin, forms/, templates/ and fonts/ in
# /usr/share/formpipe, man pages made from --help, the systemd units and /etc/formpipe.
# Included by the top-level CMakeLists.txt after the program's own install rules.

set(FORMPIPE_PACKAGING_DIR "${CMAKE_CURRENT_LIST_DIR}")

# Man pages from the program's --help (packaging/man.cmake), when help2man is installed.
find_program(HELP2MAN_PROGRAM help2man)
if(HELP2MAN_PROGRAM AND NOT FORMPIPE_SANITIZE AND NOT FORMPIPE_FUZZ)
  set(man_dir "${CMAKE_CURRENT_BINARY_DIR}/man")
  add_custom_command(
    OUTPUT "${man_dir}/formpipe.1.gz"
    COMMAND "${CMAKE_COMMAND}" -DFORMPIPE=$<TARGET_FILE:formpipe> -DVERSION=${PROJECT_VERSION}
            -DOUT=${man_dir} -DHELP2MAN=${HELP2MAN_PROGRAM} -P "${FORMPIPE_PACKAGING_DIR}/man.cmake"
    DEPENDS formpipe "${FORMPIPE_PACKAGING_DIR}/man.cmake"
    COMMENT "Making the man pages from formpipe --help"
    VERBATIM)
  add_custom_target(formpipe_man ALL DEPENDS "${man_dir}/formpipe.1.gz")
  install(DIRECTORY "${man_dir}/" DESTINATION share/man/man1 FILES_MATCHING PATTERN "*.1.gz")
endif()

# Debian's documentation files: the copyright, and the changelog of a native package.
configure_file("${FORMPIPE_PACKAGING_DIR}/debian/changelog" "${CMAKE_CURRENT_BINARY_DIR}/changelog"
               @ONLY)
add_custom_command(
  OUTPUT "${CMAKE_CURRENT_BINARY_DIR}/changelog.gz"
  COMMAND gzip -9nc "${CMAKE_CURRENT_BINARY_DIR}/changelog" > "${CMAKE_CURRENT_BINARY_DIR}/changelog.gz"
  DEPENDS "${CMAKE_CURRENT_BINARY_DIR}/changelog")
add_custom_target(formpipe_changelog ALL DEPENDS "${CMAKE_CURRENT_BINARY_DIR}/changelog.gz")
install(FILES "${FORMPIPE_PACKAGING_DIR}/debian/copyright" "${CMAKE_CURRENT_BINARY_DIR}/changelog.gz"
        DESTINATION share/doc/formpipe)

# fonts/: the licences and the colour profile as files; the fonts, byte for byte those of
# Debian's font packages (fonts/README.md), as links to them, so the package depends on those
# packages rather than carrying a second copy of 9 MB of fonts.
install(DIRECTORY fonts DESTINATION share/formpipe PATTERN "*.ttf" EXCLUDE PATTERN "*.ttc" EXCLUDE)
set(font_links "${CMAKE_CURRENT_BINARY_DIR}/font-links")
file(MAKE_DIRECTORY "${font_links}")
foreach(link IN ITEMS "DejaVuSans.ttf=dejavu/DejaVuSans.ttf"
                      "DejaVuSans-Bold.ttf=dejavu/DejaVuSans-Bold.ttf"
                      "wqy-microhei.ttc=wqy/wqy-microhei.ttc"
                      "Symbola.ttf=ancient-scripts/Symbola_hint.ttf")
  string(REPLACE "=" ";" parts "${link}")
  list(GET parts 0 name)
  list(GET parts 1 target)
  file(CREATE_LINK "../../fonts/truetype/${target}" "${font_links}/${name}" SYMBOLIC)
endforeach()
install(DIRECTORY "${font_links}/" DESTINATION share/formpipe/fonts)

# The services and their settings (absolute paths: they belong where systemd and the admin
# look, whatever the prefix).
install(FILES "${FORMPIPE_PACKAGING_DIR}/formpipe-watch.service"
              "${FORMPIPE_PACKAGING_DIR}/formpipe-serve.service"
        DESTINATION /lib/systemd/system)
install(FILES "${FORMPIPE_PACKAGING_DIR}/formpipe.conf" DESTINATION /etc/formpipe)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME formpipe)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_CONTACT "formpipe developers <formpipe@users.noreply.github.com>")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, fonts-dejavu-core, fonts-wqy-microhei, fonts-symbola")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${FORMPIPE_PACKAGING_DIR}/debian/postinst" "${FORMPIPE_PACKAGING_DIR}/debian/postrm"
    "${FORMPIPE_PACKAGING_DIR}/debian/conffiles")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "checks occupational-safety alliance forms and CET grant proposals
formpipe reads the forms Michigan MIOSHA, federal OSHA, Iowa OSHA and Cal/OSHA
alliance programs and the MIOSHA CET grant program receive (XML, CSV, fillable
PDF), checks every rule of the agencies' policies, and renders the PDFs people
sign, send and review: agreements, letters, diary sheets, annual reports and
compliance summaries, tagged (PDF/UA-1) and archival (PDF/A-2).
.
The package runs formpipe as services: formpipe-watch processes an inbox
folder, formpipe-serve is the reviewers' desk; both read
/etc/formpipe/formpipe.conf.")
include(CPack)
