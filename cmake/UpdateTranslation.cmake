# Brings one .ts file up to date with the sources, as part of the build (ui/CMakeLists.txt):
#   cmake -DLUPDATE=<lupdate> -DTS_FILE=<.ts in the source tree> -DSOURCE_LIST=<@lst file>
#         -DWORK_DIR=<dir in the build tree> -DOPTIONS=<lupdate options, separated by commas> -P UpdateTranslation.cmake
# lupdate rewrites the file it is given even when nothing changed, which would rebuild the .qm, the
# resources and every program at each build; so it works on a copy, and the copy goes back over the
# source tree's file only when its content differs.
foreach(variable LUPDATE TS_FILE SOURCE_LIST WORK_DIR)
    if(NOT DEFINED ${variable})
        message(FATAL_ERROR "UpdateTranslation.cmake: ${variable} is not set")
    endif()
endforeach()

string(REPLACE "," ";" OPTIONS "${OPTIONS}")
get_filename_component(name "${TS_FILE}" NAME)
set(work_copy "${WORK_DIR}/${name}")
file(MAKE_DIRECTORY "${WORK_DIR}")
if(EXISTS "${TS_FILE}")
    file(COPY_FILE "${TS_FILE}" "${work_copy}")
else()
    file(REMOVE "${work_copy}")
endif()

execute_process(
    COMMAND "${LUPDATE}" -silent ${OPTIONS} "@${SOURCE_LIST}" -ts "${work_copy}"
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate could not update ${TS_FILE}:\n${output}")
endif()
# lupdate reports sources it cannot parse on stderr but still succeeds; show them.
if(output)
    message(STATUS "${output}")
endif()
file(COPY_FILE "${work_copy}" "${TS_FILE}" ONLY_IF_DIFFERENT)
