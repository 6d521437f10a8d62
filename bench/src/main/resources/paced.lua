-- wrk: each connection pauses 1 ms after every answer before it asks again (a steady rate
-- far below saturation). Used by the replay's read phases and bench/wrk/paced-read.sh.
function delay()
  return 1
end
