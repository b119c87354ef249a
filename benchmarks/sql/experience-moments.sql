-- bin/crm bench experience's baseline for GET .../journeys/bench-store/moments-of-truth, in plain SQL.
SELECT touch_point_code, count(*) FILTER (WHERE peak = 1 AND score < 0), count(*) FILTER (WHERE peak = 1 AND score > 0),
    count(*) FILTER (WHERE last = 1), count(*), round(avg(score), 2)
  FROM (SELECT e.touch_point_code, e.score,
      row_number() OVER (PARTITION BY e.visit_id ORDER BY abs(e.score) DESC, e.score, e.position DESC) AS peak,
      row_number() OVER (PARTITION BY e.visit_id ORDER BY e.position DESC) AS last
    FROM experience.visit v JOIN experience.log_entry e ON e.visit_id = v.visit_id
    WHERE v.journey_code = 'bench-store') r
  GROUP BY 1;
