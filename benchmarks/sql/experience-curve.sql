-- bin/crm bench experience's baseline for GET .../journeys/bench-store/curve: the same numbers in plain SQL.
SELECT e.touch_point_code, count(*), round(avg(e.score), 2)
  FROM experience.visit v JOIN experience.log_entry e ON e.visit_id = v.visit_id
  WHERE v.journey_code = 'bench-store' GROUP BY 1;
