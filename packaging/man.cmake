# Makes the man pages from the program's own --help (cmake -P), so they never disagree with it:
# formpipe.1 from `formpipe --help` and formpipe-COMMAND.1 from `formpipe COMMAND --help` for each
# command `formpipe --help` lists, with help2man, then gzip -9n as Debian wants them.
#   cmake -DFORMPIPE=path/to/formpipe -DVERSION=0.1.0 -DOUT=dir -DHELP2MAN=path -P man.cmake
foreach(var FORMPIPE VERSION OUT HELP2MAN)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "man.cmake: ${var} is not set")
  endif()
endforeach()

file(MAKE_DIRECTORY "${OUT}")
execute_process(COMMAND "${FORMPIPE}" --help OUTPUT_VARIABLE help RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "man.cmake: ${FORMPIPE} --help failed")
endif()

# The command lines of `formpipe --help`: "  check     ingest and validate ...".
string(REGEX MATCH "Commands:\n(( +[a-z]+ +[^\n]*\n)+)" _ "${help}")
string(REPLACE "\n" ";" lines "${CMAKE_MATCH_1}")
set(pages "")

function(make_page name summary program)
  set(page "${OUT}/${name}.1")
  execute_process(
    COMMAND "${HELP2MAN}" --no-info --no-discard-stderr "--version-string=${VERSION}"
            "--name=${summary}" "--section=1" "--output=${page}" "${program}"
    RESULT_VARIABLE status ERROR_VARIABLE error)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "man.cmake: help2man for ${name} failed: ${error}")
  endif()
  execute_process(COMMAND gzip -9nf "${page}" RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "man.cmake: gzip ${page} failed")
  endif()
endfunction()

# help2man runs a program with --help; a command's page runs a two-line wrapper.
foreach(line IN LISTS lines)
  if(line MATCHES "^ +([a-z]+) +(.+)$")
    set(command "${CMAKE_MATCH_1}")
    set(summary "${CMAKE_MATCH_2}")
    set(wrapper "${OUT}/wrappers/formpipe-${command}")
    # The usage may continue on indented lines ("   [--max-bytes SIZE] ..."); help2man reads
    # only the first, so the wrapper joins them into one.
    file(WRITE "${wrapper}" "#!/bin/sh\n\"${FORMPIPE}\" ${command} \"$@\" | awk '\n"
         "  /^Usage:/ && !joined { usage = $0; joining = 1; next }\n"
         "  joining && /^ +[[(]/ { sub(/^ +/, \" \"); usage = usage $0; next }\n"
         "  joining { print usage; joining = 0; joined = 1 }\n"
         "  { print }\n"
         "  END { if (joining) print usage }'\n")
    file(CHMOD "${wrapper}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
    make_page("formpipe-${command}" "${summary}" "${wrapper}")
  endif()
endforeach()
make_page(formpipe "check alliance forms and CET grant proposals, render their PDFs"
          "${FORMPIPE}")
file(REMOVE_RECURSE "${OUT}/wrappers")
