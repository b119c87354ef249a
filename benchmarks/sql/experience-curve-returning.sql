-- bin/crm bench experience's baseline for GET .../journeys/bench-store/curve?cohort=RETURNING, in plain SQL.
SELECT e.touch_point_code, count(*), round(avg(e.score), 2)
  FROM experience.visit v JOIN experience.log_entry e ON e.visit_id = v.visit_id
  LEFT JOIN experience.customer_history h ON h.customer_id = v.customer_id
  WHERE v.journey_code = 'bench-store'
    AND coalesce(v.cohort, CASE WHEN v.customer_id IS NULL THEN NULL
      WHEN h.first_purchase_at < v.started_at OR h.first_visit_at < v.started_at THEN 'RETURNING' ELSE 'NEW' END) = 'RETURNING'
  GROUP BY 1;
